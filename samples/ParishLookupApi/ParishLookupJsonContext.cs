using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace ParishLookupApi;

/// <summary>Source-generated JSON for the API's answers (camelCase, nulls kept so clients see every field).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AreaAnswer))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class ParishLookupJsonContext : JsonSerializerContext;
