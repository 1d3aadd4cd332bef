using LocalGov.Testing;

namespace LocalGov.Postcodes.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(Postcode).Assembly, "LocalGov.Postcodes.Tests");
}
