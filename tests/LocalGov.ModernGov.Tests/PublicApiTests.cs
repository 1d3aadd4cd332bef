using LocalGov.Testing;

namespace LocalGov.ModernGov.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(ModernGovClient).Assembly, "LocalGov.ModernGov.Tests");
}
