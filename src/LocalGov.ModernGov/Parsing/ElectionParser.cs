namespace LocalGov.ModernGov;

/// <summary><c>election{candidatecount, electionid, title, …, candidates/candidate*, electionareas/electionarea*{…, spoiledvotes/spoiledvote*}}</c>.</summary>
internal static class ElectionParser
{
    public static ModernGovElectionResult Parse(XmlCursor x)
    {
        var bag = x.NewBag();
        var e = new ModernGovElectionResult();
        List<ModernGovCandidate> candidates = [];
        List<ModernGovElectionArea> areas = [];
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            switch (x.Name)
            {
                case "electionid": e = e with { Id = x.ReadLong(ref bag) }; break;
                case "candidatecount": e = e with { CandidateCount = x.ReadInt(ref bag) }; break;
                case "title": e = e with { Title = x.ReadText() }; break;
                case "electiontype": e = e with { ElectionType = x.ReadText() }; break;
                case "description": e = e with { Description = x.ReadText() }; break;
                case "externallink": e = e with { ExternalLink = x.ReadText() }; break;
                case "population": e = e with { Population = x.ReadLong(ref bag) }; break;
                case "electorate": e = e with { Electorate = x.ReadLong(ref bag) }; break;
                case "numballotpapersissued": e = e with { BallotPapersIssued = x.ReadLong(ref bag) }; break;
                case "numproxyvotes": e = e with { ProxyVotes = x.ReadLong(ref bag) }; break;
                case "comment": e = e with { Comment = x.ReadText() }; break;
                case "visiblity" or "visibility": e = e with { Visibility = x.ReadText() }; break;
                case "candidates":
                    var candidatesDepth = x.Enter();
                    while (x.NextChild(candidatesDepth))
                    {
                        if (x.Name == "candidate")
                        {
                            candidates.Add(ParseCandidate(x));
                        }
                        else
                        {
                            x.Keep(ref bag, "candidates");
                        }
                    }

                    break;
                case "electionareas":
                    var areasDepth = x.Enter();
                    while (x.NextChild(areasDepth))
                    {
                        if (x.Name == "electionarea")
                        {
                            areas.Add(ParseArea(x));
                        }
                        else
                        {
                            x.Keep(ref bag, "electionareas");
                        }
                    }

                    break;
                default:
                    x.Keep(ref bag);
                    break;
            }
        }

        return e with { Candidates = candidates, Areas = areas, AdditionalFields = bag.Build() };
    }

    private static ModernGovCandidate ParseCandidate(XmlCursor x)
    {
        var bag = x.NewBag();
        var c = new ModernGovCandidate();
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            switch (x.Name)
            {
                case "candidatename": c = c with { Name = x.ReadText() }; break;
                case "areatagid": c = c with { AreaTagId = x.ReadLong(ref bag) }; break;
                case "electionareaid": c = c with { ElectionAreaId = x.ReadLong(ref bag) }; break;
                case "areatitle": c = c with { AreaTitle = x.ReadText() }; break;
                case "numvotes": c = c with { Votes = x.ReadLong(ref bag) }; break;
                case "numvotes2": c = c with { Votes2 = x.ReadLong(ref bag) }; break;
                case "politicalpartytagid": c = c with { PartyTagId = x.ReadLong(ref bag) }; break;
                case "politicalpartytitle": c = c with { Party = x.ReadText() }; break;
                case "politicalpartycolour": c = c with { PartyColour = x.ReadText() }; break;
                case "votedatetime": c = c with { VoteDateTime = x.ReadDateTime(ref bag) }; break;
                case "iselected": c = c with { IsElected = x.ReadBool(ref bag) }; break;
                default: x.Keep(ref bag); break;
            }
        }

        return c with { AdditionalFields = bag.Build() };
    }

    private static ModernGovElectionArea ParseArea(XmlCursor x)
    {
        var bag = x.NewBag();
        var a = new ModernGovElectionArea();
        List<ModernGovSpoiledVote> spoiled = [];
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            switch (x.Name)
            {
                case "electionareaid": a = a with { Id = x.ReadLong(ref bag) }; break;
                case "title": a = a with { Title = x.ReadText() }; break;
                case "description": a = a with { Description = x.ReadText() }; break;
                case "externallink": a = a with { ExternalLink = x.ReadText() }; break;
                case "population": a = a with { Population = x.ReadLong(ref bag) }; break;
                case "electorate": a = a with { Electorate = x.ReadLong(ref bag) }; break;
                case "numballotpapersissued": a = a with { BallotPapersIssued = x.ReadLong(ref bag) }; break;
                case "numproxyvotes": a = a with { ProxyVotes = x.ReadLong(ref bag) }; break;
                case "numpostalvotessent": a = a with { PostalVotesSent = x.ReadLong(ref bag) }; break;
                case "numpostalvotesreturned": a = a with { PostalVotesReturned = x.ReadLong(ref bag) }; break;
                case "startvotedatetime": a = a with { VotingStart = x.ReadDateTime(ref bag) }; break;
                case "endvotedatetime": a = a with { VotingEnd = x.ReadDateTime(ref bag) }; break;
                case "endofcountingdatetime": a = a with { CountingEnd = x.ReadDateTime(ref bag) }; break;
                case "numseats": a = a with { Seats = x.ReadInt(ref bag) }; break;
                case "status": a = a with { Status = x.ReadText() }; break;
                case "spoiledvotes":
                    var spoiledDepth = x.Enter();
                    while (x.NextChild(spoiledDepth))
                    {
                        if (x.Name == "spoiledvote")
                        {
                            spoiled.Add(ParseSpoiledVote(x));
                        }
                        else
                        {
                            x.Keep(ref bag, "spoiledvotes");
                        }
                    }

                    break;
                default: x.Keep(ref bag); break;
            }
        }

        return a with { SpoiledVotes = spoiled, AdditionalFields = bag.Build() };
    }

    private static ModernGovSpoiledVote ParseSpoiledVote(XmlCursor x)
    {
        var bag = x.NewBag();
        var v = new ModernGovSpoiledVote();
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            switch (x.Name)
            {
                case "voteid": v = v with { Id = x.ReadLong(ref bag) }; break;
                case "description": v = v with { Description = x.ReadText() }; break;
                case "numvotes": v = v with { Votes = x.ReadLong(ref bag) }; break;
                case "numvotes2": v = v with { Votes2 = x.ReadLong(ref bag) }; break;
                case "updatedatetime": v = v with { UpdatedAt = x.ReadDateTime(ref bag) }; break;
                default: x.Keep(ref bag); break;
            }
        }

        return v with { AdditionalFields = bag.Build() };
    }
}
