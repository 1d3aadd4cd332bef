using Refit;

namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>
/// postcodes.io v18 routes. Every method returns the raw response so the client reads error bodies (and the
/// terminated details on 404) itself. No GET takes <c>filter</c>: the server answers 500 when a filtered GET has no result.
/// </summary>
internal interface IPostcodesIoApi
{
    [Get("/postcodes/{postcode}")]
    Task<HttpResponseMessage> Lookup(string postcode, CancellationToken cancellationToken);

    [Post("/postcodes")]
    Task<HttpResponseMessage> BulkLookup([Body] BulkLookupRequest body, [Query] string? filter, CancellationToken cancellationToken);

    [Post("/postcodes")]
    Task<HttpResponseMessage> BulkReverse([Body] BulkReverseRequest body, [Query] string? filter, [Query] string? limit, [Query] string? radius, [Query] string? widesearch, CancellationToken cancellationToken);

    [Get("/postcodes")]
    Task<HttpResponseMessage> ReverseLonLat([Query] string lon, [Query] string lat, [Query] string? limit, [Query] string? radius, [Query] string? widesearch, CancellationToken cancellationToken);

    [Get("/postcodes")]
    Task<HttpResponseMessage> ReverseLongitudeLatitude([Query] string longitude, [Query] string latitude, [Query] string? limit, [Query] string? radius, [Query] string? widesearch, CancellationToken cancellationToken);

    [Get("/postcodes/lon/{lon}/lat/{lat}")]
    Task<HttpResponseMessage> ReverseLonLatPath(string lon, string lat, [Query] string? limit, [Query] string? radius, [Query] string? widesearch, CancellationToken cancellationToken);

    [Get("/postcodes/lat/{lat}/lon/{lon}")]
    Task<HttpResponseMessage> ReverseLatLonPath(string lat, string lon, [Query] string? limit, [Query] string? radius, [Query] string? widesearch, CancellationToken cancellationToken);

    [Get("/postcodes")]
    Task<HttpResponseMessage> Query([Query] string q, [Query] string? limit, CancellationToken cancellationToken);

    [Get("/postcodes/{postcode}/nearest")]
    Task<HttpResponseMessage> Nearest(string postcode, [Query] string? limit, [Query] string? radius, [Query] string? widesearch, CancellationToken cancellationToken);

    [Get("/postcodes/{postcode}/validate")]
    Task<HttpResponseMessage> Validate(string postcode, CancellationToken cancellationToken);

    [Get("/postcodes/{postcode}/autocomplete")]
    Task<HttpResponseMessage> Autocomplete(string postcode, [Query] string? limit, CancellationToken cancellationToken);

    [Get("/random/postcodes")]
    Task<HttpResponseMessage> RandomPostcode([Query] string? outcode, CancellationToken cancellationToken);

    [Get("/outcodes/{outcode}")]
    Task<HttpResponseMessage> Outcode(string outcode, CancellationToken cancellationToken);

    [Get("/outcodes/{outcode}/nearest")]
    Task<HttpResponseMessage> OutcodeNearest(string outcode, [Query] string? limit, [Query] string? radius, CancellationToken cancellationToken);

    [Get("/outcodes")]
    Task<HttpResponseMessage> OutcodeReverse([Query] string lon, [Query] string lat, [Query] string? limit, [Query] string? radius, CancellationToken cancellationToken);

    [Get("/terminated_postcodes/{postcode}")]
    Task<HttpResponseMessage> Terminated(string postcode, CancellationToken cancellationToken);

    [Get("/scotland/postcodes/{postcode}")]
    Task<HttpResponseMessage> Scotland(string postcode, CancellationToken cancellationToken);

    [Get("/places")]
    Task<HttpResponseMessage> PlacesQuery([Query] string q, [Query] string? limit, CancellationToken cancellationToken);

    [Get("/places/{code}")]
    Task<HttpResponseMessage> Place(string code, CancellationToken cancellationToken);

    [Get("/random/places")]
    Task<HttpResponseMessage> RandomPlace(CancellationToken cancellationToken);

    [Get("/ping")]
    Task<HttpResponseMessage> Ping(CancellationToken cancellationToken);

    [Get("/ready")]
    Task<HttpResponseMessage> Ready(CancellationToken cancellationToken);
}
