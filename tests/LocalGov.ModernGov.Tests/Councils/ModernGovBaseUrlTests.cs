namespace LocalGov.ModernGov.Tests.Councils;

public sealed class ModernGovBaseUrlTests
{
    [Theory]
    [InlineData("https://democracy.example.gov.uk", "https://democracy.example.gov.uk/")]
    [InlineData("https://democracy.example.gov.uk/", "https://democracy.example.gov.uk/")]
    [InlineData("https://democracy.example.gov.uk/mgWebService.asmx", "https://democracy.example.gov.uk/")]
    [InlineData("https://democracy.example.gov.uk/mgWebService.asmx/GetCommittees?x=1", "https://democracy.example.gov.uk/")]
    [InlineData("https://democracy.example.gov.uk/mgwebservice.asmx?WSDL", "https://democracy.example.gov.uk/")]
    [InlineData("https://democracy.example.gov.uk/mgListCommittees.aspx?bcr=1", "https://democracy.example.gov.uk/")]
    [InlineData("http://ww5.example.gov.uk/moderngov", "http://ww5.example.gov.uk/moderngov/")]
    [InlineData("https://www.example.gov.uk/Committees//ieDocHome.aspx", "https://www.example.gov.uk/Committees/")]
    [InlineData("https://mgov.example.gov.uk:8443/modern.gov/#top", "https://mgov.example.gov.uk:8443/modern.gov/")]
    public void Pasted_urls_become_the_install_folder(string pasted, string expected) =>
        Assert.Equal(new Uri(expected), ModernGovBaseUrl.Normalise(pasted));

    [Theory]
    [InlineData("ftp://example.gov.uk/")]
    [InlineData("democracy.example.gov.uk")]
    [InlineData("/relative")]
    public void Other_urls_are_refused(string url) =>
        Assert.Throws<ArgumentException>(() => ModernGovBaseUrl.Normalise(url));
}
