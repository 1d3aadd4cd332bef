namespace LocalGov.ModernGov;

/// <summary><c>committees{committeescount, committee*{committeeid, committeetitle, committeedeleted, committeeexpired, committeecategory}}</c>, found at any depth.</summary>
internal static class CommitteeParser
{
    public static IReadOnlyList<ModernGovCommittee> Parse(XmlCursor x)
    {
        var committees = new List<ModernGovCommittee>();
        Walk(x, x.Enter(), committees);
        return committees;
    }

    private static void Walk(XmlCursor x, int depth, List<ModernGovCommittee> committees)
    {
        while (x.NextChild(depth))
        {
            if (x.Name == "committee")
            {
                committees.Add(ParseCommittee(x));
            }
            else
            {
                Walk(x, x.Enter(), committees);
            }
        }
    }

    private static ModernGovCommittee ParseCommittee(XmlCursor x)
    {
        var bag = x.NewBag();
        long? id = null;
        string? title = null, category = null;
        bool? deleted = null, expired = null;
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            switch (x.Name)
            {
                case "committeeid":
                    id = x.ReadLong(ref bag);
                    break;
                case "committeetitle":
                    title = x.ReadText();
                    break;
                case "committeedeleted":
                    deleted = x.ReadBool(ref bag);
                    break;
                case "committeeexpired":
                    expired = x.ReadBool(ref bag);
                    break;
                case "committeecategory":
                    category = x.ReadText();
                    break;
                default:
                    x.Keep(ref bag);
                    break;
            }
        }

        return new ModernGovCommittee { Id = id, Title = title, IsDeleted = deleted, IsExpired = expired, Category = category, AdditionalFields = bag.Build() };
    }
}
