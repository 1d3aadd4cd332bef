namespace LocalGov.ModernGov.Tests.Councils;

public sealed class ModernGovCouncilRegistryTests
{
    private const string Csv = """
        register_code,lgsf_dir,official_name,territory,org_subtype,end_date,base_url,webservice_url,lgsf_disabled,lgsf_verify_ssl_off
        ABC,ABC-x,"Bournemouth, Christchurch and Poole Council",ENG,UA,,http://democracy.example.gov.uk,http://democracy.example.gov.uk/mgWebService.asmx,False,True
        OLD,OLD-x,Old District Council,ENG,NMD,2023-03-31,https://old.example.gov.uk/mgWebService.asmx,,True,False

        """;

    [Fact]
    public void Councils_are_read_by_column_name_with_quoted_fields()
    {
        var councils = ModernGovCouncilRegistry.Parse(new StringReader(Csv));

        Assert.Equal(2, councils.Count);
        Assert.Equal("ABC", councils[0].Code);
        Assert.Equal("Bournemouth, Christchurch and Poole Council", councils[0].Name);
        Assert.Equal(new Uri("http://democracy.example.gov.uk/"), councils[0].BaseUrl);
        Assert.True(councils[0].HasTlsProblems);
        Assert.True(councils[0].IsCurrent(new DateOnly(2026, 1, 1)));
        Assert.Equal(new Uri("https://old.example.gov.uk/"), councils[1].BaseUrl);
        Assert.True(councils[1].IsDisabled);
        Assert.False(councils[1].IsCurrent(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void A_missing_column_names_the_column()
    {
        var error = Assert.Throws<ModernGovRegistryException>(() => ModernGovCouncilRegistry.Parse(new StringReader("register_code,official_name\nA,B\n")));

        Assert.Contains("base_url", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.LineNumber);
    }

    [Theory]
    [InlineData("register_code,official_name,base_url\nA,B,not-a-url\n", 2)]
    [InlineData("register_code,official_name,base_url\nA,B,https://x.example/\nC,\"D,https://y.example/\n", 3)]
    [InlineData("register_code,official_name,base_url,end_date\nA,B,https://x.example/,31/03/2023\n", 2)]
    public void A_bad_line_names_the_line(string csv, int line)
    {
        var error = Assert.Throws<ModernGovRegistryException>(() => ModernGovCouncilRegistry.Parse(new StringReader(csv)));

        Assert.Equal(line, error.LineNumber);
    }
}
