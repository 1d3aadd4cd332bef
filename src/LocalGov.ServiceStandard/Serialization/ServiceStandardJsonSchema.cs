using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Franchising;

namespace LocalGov.ServiceStandard.Serialization;

/// <summary>
/// JSON Schemas (draft 2020-12) of the package's documents, generated from the models and the source-generated
/// metadata, so the schema and the serializer cannot disagree. The repository commits them under
/// <c>src/LocalGov.ServiceStandard/Schemas/</c> and a test keeps the committed files in step.
/// </summary>
public static class ServiceStandardJsonSchema
{
    /// <summary>The documents that have a schema, by file name.</summary>
    public static IReadOnlyDictionary<string, Type> Documents { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["standard-version.schema.json"] = typeof(StandardVersion),
        ["assessment.schema.json"] = typeof(Assessment),
        ["peer-group-pack.schema.json"] = typeof(PeerGroupPack),
    };

    /// <summary>Generates the schema of <paramref name="documentType"/> as indented JSON.</summary>
    /// <param name="documentType">One of the types in <see cref="Documents"/>.</param>
    /// <returns>The schema text.</returns>
    /// <exception cref="ArgumentException">The type is not a document of this package.</exception>
    public static string Generate(Type documentType)
    {
        ArgumentNullException.ThrowIfNull(documentType);
        var name = Documents.FirstOrDefault(d => d.Value == documentType).Key
            ?? throw new ArgumentException($"{documentType.Name} is not a document type of this package.", nameof(documentType));
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(
            ServiceStandardJsonContext.Default.Options,
            documentType,
            new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://github.com/localgov-sdk/localgov-sdk/schemas/service-standard/" + name,
            ["title"] = documentType.Name,
        };
        foreach (var property in schema.AsObject().ToList())
        {
            schema.AsObject().Remove(property.Key);
            root[property.Key] = property.Value;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
