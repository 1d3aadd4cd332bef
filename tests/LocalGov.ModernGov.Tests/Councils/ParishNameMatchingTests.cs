namespace LocalGov.ModernGov.Tests.Councils;

public sealed class ParishNameMatchingTests
{
    [Theory]
    [InlineData("Ashcombe", "ashcombe")]
    [InlineData("Ashcombe Parish Council", "ashcombe")]
    [InlineData("ASHCOMBE P.C.", "ashcombe")]
    [InlineData("Adderbury CP", "adderbury")]
    [InlineData("The Ashcombe Town Council", "ashcombe")]
    [InlineData("Stoke Mandeville Parish Meeting", "stoke mandeville")]
    [InlineData("Ickford & Worminghall", "ickford and worminghall")]
    [InlineData("St. Mary’s", "st marys")]
    [InlineData("Saint Mary's Parish Council", "st marys")]
    [InlineData("Great  Missenden-with-Prestwood", "great missenden with prestwood")]
    [InlineData("Llanfair Community Council", "llanfair")]
    [InlineData("Council", "council")]
    [InlineData("The", "the")]
    public void A_name_is_reduced_to_what_identifies_the_parish(string name, string expected) =>
        Assert.Equal(expected, ParishNameKey.Of(name));

    [Fact]
    public void A_boundary_name_finds_the_parish_council_preferring_one_with_contact_details()
    {
        ModernGovParishCouncil[] parishes =
        [
            new() { Name = "Aston Clinton Parish Council", Email = "clerk@astonclinton.example" },
            new() { Name = "ST. MARY'S P.C." },
            new() { Name = "St Mary's Parish Council", Phone = "01296 000000" },
            new() { Name = null, Email = "nameless@example.org" },
        ];

        Assert.Equal("clerk@astonclinton.example", parishes.FindByParishName("Aston Clinton")?.Email);
        Assert.Equal("01296 000000", parishes.FindByParishName("Saint Mary's")?.Phone);
        Assert.Null(parishes.FindByParishName("Aston"));
        Assert.Equal("ST. MARY'S P.C.", parishes.Take(2).FindByParishName("St Marys CP")?.Name);
        Assert.Throws<ArgumentException>(() => parishes.FindByParishName(" "));
    }
}
