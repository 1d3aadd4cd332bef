using LocalGov.ServiceStandard.Serialization;
using LocalGov.Testing;

namespace LocalGov.ServiceStandard.Tests.Serialization;

public sealed class JsonSchemaTests
{
    public static TheoryData<string> SchemaFiles => [.. ServiceStandardJsonSchema.Documents.Keys];

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Committed_schema_matches_the_models(string fileName)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "LocalGov.ServiceStandard", "Schemas");
        var committedPath = Path.Combine(folder, fileName);
        var generated = ServiceStandardJsonSchema.Generate(ServiceStandardJsonSchema.Documents[fileName]);
        var committed = File.Exists(committedPath) ? File.ReadAllText(committedPath).ReplaceLineEndings("\n") : null;

        if (committed != generated)
        {
            var received = committedPath + ".received";
            File.WriteAllText(received, generated);
            Assert.Fail($"{committedPath} is out of step with the models. The generated schema was written to {received}; review it and mv it over the committed file.");
        }
    }

    [Fact]
    public void Schemas_describe_the_documents_members()
    {
        var assessment = ServiceStandardJsonSchema.Generate(typeof(LocalGov.ServiceStandard.Assessments.Assessment));
        var standard = ServiceStandardJsonSchema.Generate(typeof(LocalGov.ServiceStandard.Catalogue.StandardVersion));

        Assert.Contains("\"serviceName\"", assessment, StringComparison.Ordinal);
        Assert.Contains("\"private-beta\"", assessment, StringComparison.Ordinal);
        Assert.Contains("\"required\"", assessment, StringComparison.Ordinal);
        Assert.Contains("\"reword\"", standard, StringComparison.Ordinal);
        Assert.Contains("\"superseded\"", standard, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_document_types_have_schemas() =>
        Assert.Throws<ArgumentException>(() => ServiceStandardJsonSchema.Generate(typeof(string)));
}
