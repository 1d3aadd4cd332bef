using LocalGov.Testing;

namespace LocalGov.Conformance.Tests;

public sealed class SharedDataTests
{
    [Fact]
    public void Real_data_folder_has_its_index()
    {
        var readme = SharedData.Require("README.md");

        Assert.Contains("shared/", File.ReadAllText(readme), StringComparison.Ordinal);
    }
}
