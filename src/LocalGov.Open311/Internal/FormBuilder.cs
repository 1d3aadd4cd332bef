using System.Globalization;

namespace LocalGov.Open311.Internal;

/// <summary>The <c>POST requests</c> form: only the fields that are set, in the spec's order, then the attributes.</summary>
internal static class FormBuilder
{
    public static List<KeyValuePair<string, string>> Build(Open311Submission submission, Open311ClientOptions options)
    {
        var form = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                form.Add(new(key, value));
            }
        }

        Add("api_key", options.ApiKey);
        Add("jurisdiction_id", options.JurisdictionId);
        Add("service_code", submission.ServiceCode.Trim());
        if (submission is { Latitude: { } lat, Longitude: { } lon })
        {
            Add("lat", lat.ToString("R", CultureInfo.InvariantCulture));
            Add("long", lon.ToString("R", CultureInfo.InvariantCulture));
        }

        Add("address_string", submission.AddressString);
        Add("address_id", submission.AddressId);
        Add("email", submission.Email);
        Add("device_id", submission.DeviceId);
        Add("account_id", submission.AccountId);
        Add("first_name", submission.FirstName);
        Add("last_name", submission.LastName);
        Add("phone", submission.Phone);
        Add("description", submission.Description);
        Add("media_url", submission.MediaUrl?.AbsoluteUri);

        foreach (var (code, values) in submission.Attributes)
        {
            var list = values?.Where(v => v is not null).ToList() ?? [];
            var key = list.Count > 1 && options.MultiValueStyle == Open311MultiValueStyle.Brackets ? $"attribute[{code}][]" : $"attribute[{code}]";
            foreach (var value in list)
            {
                form.Add(new(key, value));
            }
        }

        return form;
    }

    /// <summary>Checks what the spec requires of every submission, before anything is sent.</summary>
    public static void RequireValid(Open311Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (string.IsNullOrWhiteSpace(submission.ServiceCode))
        {
            throw new ArgumentException("A submission needs a service code.", nameof(submission));
        }

        if (submission.Latitude.HasValue != submission.Longitude.HasValue)
        {
            throw new ArgumentException("Latitude and Longitude go together: set both or neither.", nameof(submission));
        }

        if (submission is { Latitude: { } lat, Longitude: { } lon } && (!double.IsFinite(lat) || !double.IsFinite(lon) || lat is < -90 or > 90 || lon is < -180 or > 180))
        {
            throw new ArgumentException($"The position ({lat}, {lon}) is not a WGS84 latitude and longitude.", nameof(submission));
        }

        if (submission.Latitude is null && string.IsNullOrWhiteSpace(submission.AddressString) && string.IsNullOrWhiteSpace(submission.AddressId))
        {
            throw new ArgumentException("A submission needs a location: Latitude and Longitude, or AddressString, or AddressId.", nameof(submission));
        }

        foreach (var code in submission.Attributes.Keys)
        {
            if (string.IsNullOrWhiteSpace(code) || code.IndexOfAny(['[', ']', '&', '=']) >= 0)
            {
                throw new ArgumentException($"'{code}' is not an attribute code that can be sent as attribute[CODE].", nameof(submission));
            }
        }
    }
}
