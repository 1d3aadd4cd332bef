namespace LocalGov.ModernGov;

/// <summary>
/// <c>councillorsbyward/wards/ward{wardtitle, councillors{councillorcount, councillor*}}</c> and
/// <c>memberlist/members/member*</c>. Lenient: councillors met outside a ward are gathered into a ward without title.
/// </summary>
internal static class CouncillorParser
{
    // Most installs have 10–60 wards: start big enough to skip the small growth steps.
    private const int ExpectedWards = 32;

    public static IReadOnlyList<ModernGovWard> ParseWards(XmlCursor x)
    {
        var wards = new List<ModernGovWard>(ExpectedWards);
        List<ModernGovCouncillor>? loose = null;
        Walk(x, x.Enter(), wards, ref loose);
        if (loose is not null)
        {
            wards.Add(new ModernGovWard { Councillors = loose, CouncillorCount = null });
        }

        return wards;
    }

    public static IReadOnlyList<ModernGovCouncillor> ParseMembers(XmlCursor x)
    {
        var wards = ParseWards(x);
        return wards.Count == 1 ? wards[0].Councillors : [.. wards.SelectMany(w => w.Councillors)];
    }

    private static void Walk(XmlCursor x, int depth, List<ModernGovWard> wards, ref List<ModernGovCouncillor>? loose)
    {
        while (x.NextChild(depth))
        {
            switch (x.Name)
            {
                case "ward":
                    wards.Add(ParseWard(x));
                    break;
                case "councillor" or "member":
                    (loose ??= []).Add(ParseCouncillor(x));
                    break;
                default:
                    Walk(x, x.Enter(), wards, ref loose);
                    break;
            }
        }
    }

    private static ModernGovWard ParseWard(XmlCursor x)
    {
        var bag = x.NewBag();
        string? title = null;
        int? count = null;
        // Councillors of a ward never nest, so one reused list serves every ward.
        var councillors = x.Councillors;
        councillors.Clear();
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            switch (x.Name)
            {
                case "wardtitle":
                    title = x.ReadText();
                    break;
                case "councillors" or "members":
                    var inner = x.Enter();
                    while (x.NextChild(inner))
                    {
                        switch (x.Name)
                        {
                            case "councillorcount" or "membercount":
                                count = x.ReadInt(ref bag);
                                break;
                            case "councillor" or "member":
                                councillors.Add(ParseCouncillor(x));
                                break;
                            default:
                                x.Keep(ref bag, "councillors");
                                break;
                        }
                    }

                    break;
                case "councillorcount" or "membercount":
                    count = x.ReadInt(ref bag);
                    break;
                case "councillor" or "member":
                    councillors.Add(ParseCouncillor(x));
                    break;
                default:
                    x.Keep(ref bag);
                    break;
            }
        }

        return new ModernGovWard { Title = title, CouncillorCount = count, Councillors = councillors.ToArray(), AdditionalFields = bag.Build() };
    }

    internal static ModernGovCouncillor ParseCouncillor(XmlCursor x)
    {
        var bag = x.NewBag();
        long? id = null;
        string? fullName = null, party = null, group = null, district = null, representing = null, keyPosts = null;
        Uri? small = null, big = null;
        ModernGovAddress? work = null, home = null;
        IReadOnlyList<string> surgery = [];
        IReadOnlyList<ModernGovTermOfOffice> terms = [];
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            switch (x.Name)
            {
                case "councillorid" or "memberid":
                    id = x.ReadLong(ref bag);
                    break;
                case "fullusername":
                    fullName = x.ReadText();
                    break;
                case "photosmallurl":
                    small = x.ReadUri(ref bag);
                    break;
                case "photobigurl":
                    big = x.ReadUri(ref bag);
                    break;
                case "politicalpartytitle":
                    party = x.ReadText();
                    break;
                case "politicalgrouptitle":
                    group = x.ReadText();
                    break;
                case "districttitle":
                    district = x.ReadText();
                    break;
                case "representing":
                    representing = x.ReadText();
                    break;
                case "keyposts":
                    keyPosts = x.ReadText();
                    break;
                case "workaddress":
                    work = ParseAddress(x);
                    break;
                case "homeaddress":
                    home = ParseAddress(x);
                    break;
                case "surgerydetails":
                    surgery = ParseLines(x, ref bag);
                    break;
                case "termsofoffice":
                    terms = ParseTerms(x);
                    break;
                default:
                    x.Keep(ref bag);
                    break;
            }
        }

        return new ModernGovCouncillor
        {
            Id = id,
            FullName = fullName,
            PhotoSmallUrl = small,
            PhotoBigUrl = big,
            Party = party,
            PoliticalGroup = group,
            DistrictTitle = district,
            Representing = representing,
            KeyPosts = keyPosts,
            WorkAddress = work,
            HomeAddress = home,
            SurgeryDetails = surgery,
            TermsOfOffice = terms,
            AdditionalFields = bag.Build(),
        };
    }

    private static ModernGovAddress? ParseAddress(XmlCursor x)
    {
        var bag = x.NewBag();
        var lines = x.Lines;
        lines.Clear();
        string? postcode = null, phone = null, mobile = null, email = null;
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            var name = x.Name;
            if (IsLine(name))
            {
                if (x.ReadText() is { } line)
                {
                    lines.Add(line);
                }

                continue;
            }

            switch (name)
            {
                case "postcode":
                    postcode = x.ReadText();
                    break;
                case "phone":
                    phone = x.ReadText();
                    break;
                case "mobile":
                    mobile = x.ReadText();
                    break;
                case "email":
                    email = x.ReadText();
                    break;
                default:
                    x.Keep(ref bag);
                    break;
            }
        }

        var fields = bag.Build();
        if (lines.Count == 0 && postcode is null && phone is null && mobile is null && email is null && fields.Count == 0)
        {
            return null;
        }

        return new ModernGovAddress { Lines = lines.Count == 0 ? [] : lines.ToArray(), Postcode = postcode, Phone = phone, Mobile = mobile, Email = email, AdditionalFields = fields };
    }

    private static string[] ParseLines(XmlCursor x, ref FieldBag owner)
    {
        var lines = x.Lines;
        lines.Clear();
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            if (IsLine(x.Name))
            {
                if (x.ReadText() is { } line)
                {
                    lines.Add(line);
                }
            }
            else
            {
                x.Keep(ref owner, "surgerydetails");
            }
        }

        return lines.Count == 0 ? [] : lines.ToArray();
    }

    private static ModernGovTermOfOffice[] ParseTerms(XmlCursor x)
    {
        var terms = x.Terms;
        terms.Clear();
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            var bag = x.NewBag();
            if (x.Name != "termofoffice")
            {
                x.Keep(ref bag);
                terms.Add(new ModernGovTermOfOffice { AdditionalFields = bag.Build() });
                continue;
            }

            DateOnly? start = null, end = null;
            var inner = x.Enter();
            while (x.NextChild(inner))
            {
                switch (x.Name)
                {
                    case "startdate":
                        start = x.ReadDate(ref bag);
                        break;
                    case "enddate":
                        end = x.ReadDate(ref bag);
                        break;
                    default:
                        x.Keep(ref bag);
                        break;
                }
            }

            terms.Add(new ModernGovTermOfOffice { StartDate = start, EndDate = end, AdditionalFields = bag.Build() });
        }

        return terms.Count == 0 ? [] : terms.ToArray();
    }

    private static bool IsLine(string name) =>
        name.Length > 4 && name.StartsWith("line", StringComparison.Ordinal) && char.IsAsciiDigit(name[4]);
}
