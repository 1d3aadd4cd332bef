namespace LocalGov.ModernGov;

/// <summary><c>linkeddoc</c> of a meeting and <c>attachment/attachmentdetails</c> of <c>GetAttachment</c>: the same fields.</summary>
internal static class DocumentParser
{
    /// <summary>Finds the first document record (<c>attachmentdetails</c>, or the root itself when it holds the fields).</summary>
    public static ModernGovDocument? ParseAttachment(XmlCursor x)
    {
        // The root is either the record itself or a wrapper around it.
        var record = ParseDocument(x, allowNested: true, out var nested);
        if (nested is not null)
        {
            // Keep whatever the wrapper held beside the record.
            return record.AdditionalFields.Count == 0
                ? nested
                : nested with { AdditionalFields = new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(nested.AdditionalFields.Concat(record.AdditionalFields).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal)) };
        }

        return record.AttachmentId is null && record.Title is null && record.Url is null ? null : record;
    }

    public static ModernGovDocument ParseDocument(XmlCursor x) => ParseDocument(x, allowNested: false, out _);

    private static ModernGovDocument ParseDocument(XmlCursor x, bool allowNested, out ModernGovDocument? nested)
    {
        nested = null;
        var bag = x.NewBag();
        var d = new ModernGovDocument();
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            switch (x.Name)
            {
                case "attachmentid": d = d with { AttachmentId = x.ReadLong(ref bag) }; break;
                case "title": d = d with { Title = x.ReadText() }; break;
                case "url": d = d with { Url = x.ReadUri(ref bag) }; break;
                case "isurl": d = d with { IsUrl = x.ReadBool(ref bag) }; break;
                case "isrestricted": d = d with { IsRestricted = x.ReadBool(ref bag) }; break;
                case "restrictionsRef" or "restrictionsref": d = d with { RestrictionsReference = x.ReadText() }; break;
                case "itemnum": d = d with { ItemNumber = x.ReadText() }; break;
                case "publicationdate": d = d with { PublicationDate = x.ReadDate(ref bag) }; break;
                case "meetingdate": d = d with { MeetingDate = x.ReadDate(ref bag) }; break;
                case "decisiondate": d = d with { DecisionDate = x.ReadDate(ref bag) }; break;
                case "committeetitle": d = d with { CommitteeTitle = x.ReadText() }; break;
                case "isdecisionattachment": d = d with { IsDecisionAttachment = x.ReadBool(ref bag) }; break;
                case "ownertitle": d = d with { OwnerTitle = x.ReadText() }; break;
                case "attachmentdetails" or "attachment" or "linkeddoc" when allowNested && nested is null:
                    nested = ParseDocument(x, allowNested: false, out _);
                    break;
                default:
                    x.Keep(ref bag);
                    break;
            }
        }

        return d with { AdditionalFields = bag.Build() };
    }
}
