using LocalGov.Testing;

namespace LocalGov.Boundaries.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(BoundarySet).Assembly, "LocalGov.Boundaries.Tests");
}
