namespace LocalGov.ModernGov;

/// <summary><c>meeting{…, agendaitems/agendaitem*{…, linkeddocuments/linkeddoc*}, attendees/attendee*}</c>; attendee data is in attributes.</summary>
internal static class MeetingParser
{
    public static ModernGovMeeting Parse(XmlCursor x)
    {
        var bag = x.NewBag();
        var m = new ModernGovMeeting();
        List<ModernGovAgendaItem> items = [];
        List<ModernGovAttendee> attendees = [];
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            switch (x.Name)
            {
                case "meetingid": m = m with { Id = x.ReadLong(ref bag) }; break;
                case "meetingdate": m = m with { Date = x.ReadDate(ref bag) }; break;
                case "meetingtime": m = m with { Time = x.ReadTime(ref bag) }; break;
                case "meetingstatus": m = m with { Status = x.ReadText() }; break;
                case "committeeid": m = m with { CommitteeId = x.ReadLong(ref bag) }; break;
                case "committeetitle": m = m with { CommitteeTitle = x.ReadText() }; break;
                case "isdisplayallowed": m = m with { IsDisplayAllowed = x.ReadBool(ref bag) }; break;
                case "meetingactualstarttime": m = m with { ActualStartTime = x.ReadTime(ref bag) }; break;
                case "meetingplannedfinishtime": m = m with { PlannedFinishTime = x.ReadTime(ref bag) }; break;
                case "meetingactualfinishtime": m = m with { ActualFinishTime = x.ReadTime(ref bag) }; break;
                case "meetinglocation": m = m with { Location = x.ReadText() }; break;
                case "meetingroom": m = m with { Room = x.ReadText() }; break;
                case "iswebcast": m = m with { IsWebcast = x.ReadBool(ref bag) }; break;
                case "agendaid": m = m with { AgendaId = x.ReadLong(ref bag) }; break;
                case "agendapublished": m = m with { IsAgendaPublished = x.ReadBool(ref bag) }; break;
                case "decisionpublished": m = m with { IsDecisionPublished = x.ReadBool(ref bag) }; break;
                case "minutepublished" or "minutespublished": m = m with { IsMinutesPublished = x.ReadBool(ref bag) }; break;
                case "agendaitems":
                    var itemsDepth = x.Enter();
                    while (x.NextChild(itemsDepth))
                    {
                        if (x.Name == "agendaitem")
                        {
                            items.Add(ParseAgendaItem(x));
                        }
                        else
                        {
                            x.Keep(ref bag, "agendaitems");
                        }
                    }

                    break;
                case "attendees":
                    var attendeesDepth = x.Enter();
                    while (x.NextChild(attendeesDepth))
                    {
                        if (x.Name == "attendee")
                        {
                            attendees.Add(ParseAttendee(x));
                        }
                        else
                        {
                            x.Keep(ref bag, "attendees");
                        }
                    }

                    break;
                default:
                    x.Keep(ref bag);
                    break;
            }
        }

        return m with { AgendaItems = items, Attendees = attendees, AdditionalFields = bag.Build() };
    }

    private static ModernGovAgendaItem ParseAgendaItem(XmlCursor x)
    {
        var bag = x.NewBag();
        var item = new ModernGovAgendaItem();
        List<ModernGovDocument> documents = [];
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            switch (x.Name)
            {
                case "agendaitemid": item = item with { Id = x.ReadLong(ref bag) }; break;
                case "agendaitemtitle": item = item with { Title = x.ReadText() }; break;
                case "agendatext": item = item with { Text = x.ReadHtml() }; break;
                case "minutesnonemptyhtmlbody": item = item with { Minutes = x.ReadHtml() }; break;
                case "agendaitemnumber": item = item with { Number = x.ReadText() }; break;
                case "agendaitemsubnumber": item = item with { SubNumber = x.ReadText() }; break;
                case "fulldisplaynumberformat": item = item with { DisplayNumber = x.ReadText() }; break;
                case "minutesitemnumber": item = item with { MinutesItemNumber = x.ReadText() }; break;
                case "minutesitemsubnumber": item = item with { MinutesItemSubNumber = x.ReadText() }; break;
                case "actualmeetingdate": item = item with { ActualMeetingDate = x.ReadDate(ref bag) }; break;
                case "meetingdate": item = item with { MeetingDate = x.ReadDate(ref bag) }; break;
                case "meetingtime": item = item with { MeetingTime = x.ReadTime(ref bag) }; break;
                case "preferreddate": item = item with { PreferredDate = x.ReadDate(ref bag) }; break;
                case "authorusername": item = item with { AuthorUserName = x.ReadText() }; break;
                case "commentlabel1": item = item with { CommentLabel1 = x.ReadText() }; break;
                case "commenttext1": item = item with { CommentText1 = x.ReadText() }; break;
                case "commentlabel2": item = item with { CommentLabel2 = x.ReadText() }; break;
                case "commenttext2": item = item with { CommentText2 = x.ReadText() }; break;
                case "declarationcount": item = item with { DeclarationCount = x.ReadInt(ref bag) }; break;
                case "iscallin": item = item with { IsCallIn = x.ReadBool(ref bag) }; break;
                case "iscomment": item = item with { IsComment = x.ReadBool(ref bag) }; break;
                case "isdecision": item = item with { IsDecision = x.ReadBool(ref bag) }; break;
                case "isdecisionpublished": item = item with { IsDecisionPublished = x.ReadBool(ref bag) }; break;
                case "isminutepublished": item = item with { IsMinutesPublished = x.ReadBool(ref bag) }; break;
                case "ispubliccanspeak": item = item with { IsPublicCanSpeak = x.ReadBool(ref bag) }; break;
                case "isrestricted": item = item with { IsRestricted = x.ReadBool(ref bag) }; break;
                case "isdisplayallowed": item = item with { IsDisplayAllowed = x.ReadBool(ref bag) }; break;
                case "refertocommittee": item = item with { ReferToCommittee = x.ReadText() }; break;
                case "linkeddocuments":
                    var docsDepth = x.Enter();
                    while (x.NextChild(docsDepth))
                    {
                        if (x.Name is "linkeddoc" or "linkeddocument" or "attachment")
                        {
                            documents.Add(DocumentParser.ParseDocument(x));
                        }
                        else
                        {
                            x.Keep(ref bag, "linkeddocuments");
                        }
                    }

                    break;
                default:
                    x.Keep(ref bag);
                    break;
            }
        }

        return item with { LinkedDocuments = documents, AdditionalFields = bag.Build() };
    }

    private static ModernGovAttendee ParseAttendee(XmlCursor x)
    {
        var bag = x.NewBag();
        var a = new ModernGovAttendee();
        var reader = x.Reader;
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            var name = reader.AttributeLocalName(i);
            var value = ModernGovText.Clean(reader.AttributeValue(i));
            switch (name)
            {
                case "memberid":
                    var id = ModernGovText.ParseLong(value);
                    if (id is null && value is not null)
                    {
                        bag.Add("@memberid", value);
                    }

                    a = a with { MemberId = id };
                    break;
                case "membertype": a = a with { MemberType = value }; break;
                case "name": a = a with { Name = value }; break;
                case "roledescription": a = a with { Role = value }; break;
                case "attendance": a = a with { Attendance = value }; break;
                case "politicalparty": a = a with { Party = value }; break;
                case "ward": a = a with { Ward = value }; break;
                case "keyposts": a = a with { KeyPosts = value }; break;
                case "representing": a = a with { Representing = value }; break;
                default:
                    if (!reader.IsNamespaceDeclaration(i))
                    {
                        bag.Add("@" + name, value);
                    }

                    break;
            }
        }

        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            switch (x.Name)
            {
                case "url": a = a with { Url = x.ReadUri(ref bag) }; break;
                case "photosmallurl": a = a with { PhotoSmallUrl = x.ReadUri(ref bag) }; break;
                case "photobigurl": a = a with { PhotoBigUrl = x.ReadUri(ref bag) }; break;
                case "memberid" when a.MemberId is null: a = a with { MemberId = x.ReadLong(ref bag) }; break;
                case "name" when a.Name is null: a = a with { Name = x.ReadText() }; break;
                default:
                    x.Keep(ref bag);
                    break;
            }
        }

        return a with { AdditionalFields = bag.Build() };
    }
}
