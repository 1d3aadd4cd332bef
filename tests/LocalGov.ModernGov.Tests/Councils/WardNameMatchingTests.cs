namespace LocalGov.ModernGov.Tests.Councils;

public sealed class WardNameMatchingTests
{
    [Theory]
    [InlineData("Aston Clinton", "aston clinton")]
    [InlineData("Aston Clinton Ward", "aston clinton")]
    [InlineData("ASTON CLINTON WARD", "aston clinton")]
    [InlineData("Creigiau & St. Fagans ED", "creigiau and st fagans")]
    [InlineData("Creigiau and Saint Fagans", "creigiau and st fagans")]
    [InlineData("Walton Court and Hawkslade", "walton court and hawkslade")]
    [InlineData("Bushbury South & Low Hill", "bushbury south and low hill")]
    [InlineData("Crosland Moor and Netherton Electoral Division", "crosland moor and netherton")]
    [InlineData("The Wrekin Division", "wrekin")]
    [InlineData("Ward", "ward")]
    public void A_name_is_reduced_to_what_identifies_the_ward(string name, string expected) =>
        Assert.Equal(expected, WardNameKey.Of(name));

    [Fact]
    public void A_boundary_name_finds_the_ward_preferring_one_with_councillors()
    {
        ModernGovWard[] wards =
        [
            new() { Title = "Aston Clinton & Bierton" },
            new() { Title = "Bedgrove" },
            new() { Title = "Bedgrove Ward", Councillors = [new ModernGovCouncillor { FullName = "Cllr A" }] },
            new() { Title = null, Councillors = [new ModernGovCouncillor { FullName = "Cllr B" }] },
            new() { Title = "Creigiau & St Fagans / Creigiau a Sain Ffagan" },
        ];

        Assert.Equal("Aston Clinton & Bierton", wards.FindByWardName("Aston Clinton and Bierton Ward")?.Title);
        Assert.Equal("Bedgrove Ward", wards.FindByWardName("BEDGROVE")?.Title);
        Assert.Null(wards.FindByWardName("Aston Clinton"));
        Assert.Equal("Bedgrove", wards.Take(2).FindByWardName("Bedgrove ED")?.Title);
        Assert.NotNull(wards.FindByWardName("Creigiau and St. Fagans ED"));
        Assert.NotNull(wards.FindByWardName("Creigiau a Sain Ffagan"));
        Assert.Throws<ArgumentException>(() => wards.FindByWardName(" "));
    }
}
