using Refit;

namespace LocalGov.Postcodes.MapIt;

/// <summary>MapIt's JSON routes; the client reads every response (and error body) itself.</summary>
internal interface IMapItApi
{
    [Get("/postcode/{postcode}")]
    Task<HttpResponseMessage> Postcode(string postcode, CancellationToken cancellationToken);

    [Get("/postcode/partial/{partial}")]
    Task<HttpResponseMessage> PartialPostcode(string partial, CancellationToken cancellationToken);

    [Get("/point/{srid}/{x},{y}")]
    Task<HttpResponseMessage> Point(int srid, string x, string y, [Query] string? type, [Query] string? generation, CancellationToken cancellationToken);

    [Get("/nearest/{srid}/{x},{y}")]
    Task<HttpResponseMessage> Nearest(int srid, string x, string y, CancellationToken cancellationToken);

    [Get("/area/{id}")]
    Task<HttpResponseMessage> Area(int id, CancellationToken cancellationToken);

    [Get("/code/{codeType}/{code}")]
    Task<HttpResponseMessage> AreaByCode(string codeType, string code, CancellationToken cancellationToken);

    [Get("/area/{id}/{relation}")]
    Task<HttpResponseMessage> Related(int id, string relation, [Query] string? type, CancellationToken cancellationToken);

    [Get("/area/{id}/geometry")]
    Task<HttpResponseMessage> GeometryInfo(int id, CancellationToken cancellationToken);

    [Get("/area/{srid}/{id}.geojson")]
    Task<HttpResponseMessage> GeoJson(int srid, int id, [AliasAs("simplify_tolerance")] string? simplifyTolerance, CancellationToken cancellationToken);

    [Get("/areas/{types}")]
    Task<HttpResponseMessage> AreasByType(string types, CancellationToken cancellationToken);

    [Get("/quota")]
    Task<HttpResponseMessage> Quota(CancellationToken cancellationToken);
}
