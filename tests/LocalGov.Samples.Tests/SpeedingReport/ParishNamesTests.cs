using SpeedingReport.Contacts;

namespace LocalGov.Samples.Tests.SpeedingReport;

public sealed class ParishNamesTests
{
    [Theory]
    [InlineData("Ashcombe", "ashcombe")]
    [InlineData("Ashcombe Parish Council", "ashcombe")]
    [InlineData("ASHCOMBE P.C.", "ashcombe")]
    [InlineData("The Ashcombe Town Council", "ashcombe")]
    [InlineData("Stoke Mandeville Parish Meeting", "stoke mandeville")]
    [InlineData("Ickford & Worminghall", "ickford and worminghall")]
    [InlineData("St. Mary's", "st marys")]
    [InlineData("Great  Missenden-with-Prestwood", "great missenden with prestwood")]
    [InlineData("Council", "council")]
    public void Normalise_ignores_case_punctuation_and_the_council_type(string name, string expected) =>
        Assert.Equal(expected, ParishNames.Normalise(name));
}
