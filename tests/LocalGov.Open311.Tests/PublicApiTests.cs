using LocalGov.Testing;

namespace LocalGov.Open311.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(Open311Client).Assembly, "LocalGov.Open311.Tests");
}
