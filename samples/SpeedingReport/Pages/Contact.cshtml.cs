using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Reports;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

public sealed partial class ContactModel(RoutingConfiguration routing) : ReportPageModel(routing)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    protected override string ThisStep => "/contact";

    public IActionResult OnGet()
    {
        if (Guard() is { } redirect)
        {
            return redirect;
        }

        Name = State.ReporterName;
        Email = State.ReporterEmail;
        Phone = State.ReporterPhone;
        return Page();
    }

    public IActionResult OnPost()
    {
        if (Guard() is { } redirect)
        {
            return redirect;
        }

        Name = Name?.Trim();
        Email = Email?.Trim();
        Phone = Phone?.Trim();
        if (string.IsNullOrEmpty(Name))
        {
            AddError("name", "Enter your full name");
        }
        else if (Name.Length > ReportOptions.NameMaxLength)
        {
            AddError("name", $"Full name must be {ReportOptions.NameMaxLength} characters or fewer");
        }

        if (string.IsNullOrEmpty(Email))
        {
            AddError("email", "Enter your email address");
        }
        else if (!IsEmailAddress(Email))
        {
            AddError("email", "Enter an email address in the correct format, like name@example.com");
        }

        if (!string.IsNullOrEmpty(Phone) && !IsPhoneNumber(Phone))
        {
            AddError("phone", "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        State.ReporterName = Name;
        State.ReporterEmail = Email;
        State.ReporterPhone = string.IsNullOrEmpty(Phone) ? null : Phone;
        SaveState();
        return GoToNextStep(Routing);
    }

    /// <summary>One @, something before it, a domain with a dot and no empty labels; no spaces. Notify checks again when it sends.</summary>
    public static bool IsEmailAddress(string value) => value.Length <= ReportOptions.EmailMaxLength && EmailPattern().IsMatch(value);

    /// <summary>A UK number (0 or +44 and 9–10 digits) or another international one (+ and 8–15 digits); spaces, dashes and brackets allowed.</summary>
    public static bool IsPhoneNumber(string value)
    {
        if (value.Length > ReportOptions.PhoneMaxLength)
        {
            return false;
        }

        var compact = PhoneSeparators().Replace(value, "");
        return UkPhone().IsMatch(compact) || InternationalPhone().IsMatch(compact);
    }

    [GeneratedRegex(@"^[^\s@]+@(?!-)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"[\s\-()]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^(0|\+44)[1-9]\d{8,9}$")]
    private static partial Regex UkPhone();

    [GeneratedRegex(@"^\+[1-9]\d{7,14}$")]
    private static partial Regex InternationalPhone();
}
