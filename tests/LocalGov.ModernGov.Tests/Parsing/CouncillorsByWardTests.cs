using LocalGov.ModernGov.Tests.Support;

namespace LocalGov.ModernGov.Tests.Parsing;

public sealed class CouncillorsByWardTests
{
    [Fact]
    public async Task Wards_and_councillors_are_typed_with_the_quirks_undone()
    {
        var (client, _) = StubHandler.Client(Fixtures.Wards);

        var wards = await client.GetCouncillorsByWardAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, wards.Count);
        var ward = wards[0];
        Assert.Equal("Oban North & Lorn", ward.Title);
        Assert.Equal(2, ward.CouncillorCount);
        Assert.Equal(2, ward.Councillors.Count);
        var ann = ward.Councillors[0];
        Assert.Equal(500000103L, ann.Id);
        Assert.Equal("Councillor Ann Example", ann.FullName);
        Assert.Equal("Labour & Co-operative Party", ann.Party);
        Assert.Equal(new Uri("http://www.example.gov.uk/mgimages/small.gif"), ann.PhotoSmallUrl);
        Assert.Null(ann.PhotoBigUrl);
        Assert.Equal("not a url", ann.AdditionalFields["photobigurl"]);
        Assert.Null(ann.DistrictTitle);
        Assert.Null(ann.KeyPosts);
        Assert.Null(ann.WorkAddress);
        Assert.NotNull(ann.HomeAddress);
        Assert.Equal(["\"Tangmeer\", 45 Craigmore Road", "Rothesay's End"], ann.HomeAddress.Lines);
        Assert.Equal("PA20 9LB", ann.HomeAddress.Postcode);
        Assert.Equal("ann@example.gov.uk", ann.Email);
        Assert.Equal(["Every Saturday 10.00 am", "Town Hall"], ann.SurgeryDetails);
        Assert.Equal(2, ann.TermsOfOffice.Count);
        Assert.Equal(new DateOnly(2012, 5, 3), ann.TermsOfOffice[0].StartDate);
        Assert.Null(ann.TermsOfOffice[0].EndDate);
        Assert.Equal(new DateOnly(2012, 5, 2), ann.TermsOfOffice[1].EndDate);
        Assert.Equal("Twitter @ann", ann.AdditionalFields["additionalcontactinfo"]);

        var vacancy = ward.Councillors[1];
        Assert.Equal("Vacancy", vacancy.FullName);
        Assert.Null(vacancy.Party);
        Assert.Null(vacancy.Email);
        Assert.Empty(vacancy.SurgeryDetails);

        Assert.Equal("Empty Ward", wards[1].Title);
        Assert.Equal(0, wards[1].CouncillorCount);
        Assert.Empty(wards[1].Councillors);
    }

    [Fact]
    public async Task An_install_with_no_wards_returns_an_empty_list()
    {
        var (client, _) = StubHandler.Client(Fixtures.EmptyWards);

        var wards = await client.GetCouncillorsByWardAsync(TestContext.Current.CancellationToken);

        Assert.Empty(wards);
    }

    [Fact]
    public async Task Councillors_outside_any_ward_are_kept_in_a_ward_without_title()
    {
        const string body = """
            <councillorsbypostcode><councillors><councillor><councillorid>1</councillorid><fullusername>A</fullusername></councillor></councillors></councillorsbypostcode>
            """;
        var (client, _) = StubHandler.Client(body);

        var wards = await client.GetCouncillorsByPostcodeAsync("M1 1AA", TestContext.Current.CancellationToken);

        var ward = Assert.Single(wards);
        Assert.Null(ward.Title);
        Assert.Equal("A", Assert.Single(ward.Councillors).FullName);
    }

    [Fact]
    public async Task Member_group_reads_members_with_member_ids()
    {
        const string body = """
            <memberlist><members>
              <member><memberid>50000738</memberid><fullusername>Cllr One</fullusername><politicalgrouptitle>Lib Dem Group</politicalgrouptitle></member>
              <member><memberid>2</memberid><fullusername>Cllr Two</fullusername></member>
            </members></memberlist>
            """;
        var (client, handler) = StubHandler.Client(body);

        var members = await client.GetMemberGroupAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, members.Count);
        Assert.Equal(50000738L, members[0].Id);
        Assert.Equal("Lib Dem Group", members[0].PoliticalGroup);
        Assert.Equal("?sShortName=&sOrder=", Assert.Single(handler.Requests).Query);
    }
}
