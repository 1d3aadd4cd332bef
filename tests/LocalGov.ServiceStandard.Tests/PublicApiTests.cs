using LocalGov.Testing;

namespace LocalGov.ServiceStandard.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(LocalGov.ServiceStandard.Catalogue.StandardCatalog).Assembly, "LocalGov.ServiceStandard.Tests");
}
