using LocalGov.ServiceStandard.Assessments;

namespace LocalGov.ServiceStandard.Tests.Assessments;

public sealed class AssessmentResponseWorkflowTests
{
    // Finalised on Friday 19 December 2025: 10 working days in England and Wales skip Christmas, Boxing Day and New Year's Day.
    private static readonly DateOnly FinalisedOn = new(2025, 12, 19);
    private static readonly DateOnly Deadline = new(2026, 1, 7);

    private static Assessment Draft { get; } = Fixtures.Assessment(OutcomeSchemes.RedAmberGreenId, "green", "amber", "red") with
    {
        Date = new DateOnly(2025, 12, 15),
        Panel = [new Participant { Name = "Sam Lee", Role = AssessmentRole.LeadAssessor }, new Participant { Name = "Kim Roe", Role = AssessmentRole.PeerReviewer }],
    };

    private static Assessment Finalised { get; } = AssessmentResponseWorkflow.Finalise(Draft, new AssessmentFinalisation { Date = FinalisedOn, LeadAssessor = "Sam Lee" });

    private static PointChallenge[] ChallengeToPoint3 { get; } = [new PointChallenge { Number = 3, Reason = "The code was published before the assessment." }];

    [Fact]
    public void Finalising_records_who_and_when_with_the_default_terms()
    {
        Assert.Null(Draft.Finalisation);
        Assert.Equal(FinalisedOn, Finalised.Finalisation!.Date);
        Assert.Equal("Sam Lee", Finalised.Finalisation.LeadAssessor);
        Assert.Null(Finalised.Finalisation.ResponseWorkingDays);
        Assert.Equal(UkNation.EnglandAndWales, Finalised.Finalisation.Nation);
        Assert.Equal(Deadline, AssessmentResponseWorkflow.ResponseDeadline(Finalised));
    }

    [Theory]
    [InlineData(UkNation.EnglandAndWales, 10, "2026-01-07")]
    [InlineData(UkNation.Scotland, 10, "2026-01-08")]           // 2 January is a bank holiday in Scotland
    [InlineData(UkNation.EnglandAndWales, 5, "2025-12-30")]
    [InlineData(UkNation.EnglandAndWales, 1, "2025-12-22")]
    public void The_deadline_counts_working_days_across_bank_holidays(UkNation nation, int days, string expected)
    {
        var finalised = AssessmentResponseWorkflow.Finalise(Draft, new AssessmentFinalisation { Date = FinalisedOn, LeadAssessor = "Sam Lee", Nation = nation, ResponseWorkingDays = days });

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AssessmentResponseWorkflow.ResponseDeadline(finalised));
    }

    [Fact]
    public void Council_closure_days_push_the_deadline_back()
    {
        var finalised = AssessmentResponseWorkflow.Finalise(Draft, new AssessmentFinalisation
        {
            Date = FinalisedOn,
            LeadAssessor = "Sam Lee",
            ClosureDays = [new DateOnly(2025, 12, 29), new DateOnly(2025, 12, 30), new DateOnly(2025, 12, 31)],
        });

        Assert.Equal(new DateOnly(2026, 1, 12), AssessmentResponseWorkflow.ResponseDeadline(finalised));
    }

    [Fact]
    public void A_draft_is_a_draft_on_any_day_and_a_finalised_one_before_its_finalisation()
    {
        var draft = AssessmentResponseWorkflow.Status(Draft, new DateOnly(2030, 1, 1));
        var early = AssessmentResponseWorkflow.Status(Finalised, FinalisedOn.AddDays(-1));

        Assert.Equal(AssessmentState.Draft, draft.State);
        Assert.Null(draft.Deadline);
        Assert.Equal(AssessmentState.Draft, early.State);
        Assert.Null(early.FinalisedOn);
    }

    [Theory]
    [InlineData("2025-12-19", AssessmentState.AwaitingResponse, 10, null)]
    [InlineData("2025-12-25", AssessmentState.AwaitingResponse, 7, null)]
    [InlineData("2026-01-07", AssessmentState.AwaitingResponse, 0, null)]
    [InlineData("2026-01-08", AssessmentState.ResponseOverdue, null, 1)]
    [InlineData("2026-01-10", AssessmentState.ResponseOverdue, null, 2)]
    [InlineData("2026-01-12", AssessmentState.ResponseOverdue, null, 3)]
    public void Without_a_response_it_awaits_one_until_the_deadline_then_is_overdue(string asOf, AssessmentState state, int? left, int? overdue)
    {
        var status = AssessmentResponseWorkflow.Status(Finalised, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(state, status.State);
        Assert.Equal(left, status.WorkingDaysLeft);
        Assert.Equal(overdue, status.WorkingDaysOverdue);
        Assert.Equal(Deadline, status.Deadline);
        Assert.Equal(FinalisedOn, status.FinalisedOn);
        Assert.Null(status.RespondedOn);
    }

    [Fact]
    public void An_acceptance_on_the_deadline_is_on_time()
    {
        var accepted = AssessmentResponseWorkflow.Accept(Finalised, Deadline, "Alex Doe");

        var status = AssessmentResponseWorkflow.Status(accepted, new DateOnly(2026, 2, 1));

        Assert.Equal(AssessmentState.Accepted, status.State);
        Assert.Equal(Deadline, status.RespondedOn);
        Assert.True(status.RespondedOnTime);
        Assert.True(AssessmentResponseWorkflow.IsResponseOnTime(accepted));
        Assert.Null(status.WorkingDaysLeft);
        Assert.Equal("Alex Doe", accepted.Response!.RespondedBy);
        Assert.Empty(accepted.Response.Challenges);
        Assert.Equal(AssessmentState.AwaitingResponse, AssessmentResponseWorkflow.Status(accepted, Deadline.AddDays(-1)).State);
    }

    [Fact]
    public void A_challenge_the_day_after_the_deadline_is_recorded_as_late()
    {
        var challenged = AssessmentResponseWorkflow.Challenge(Finalised, Deadline.AddDays(1), ChallengeToPoint3);

        var status = AssessmentResponseWorkflow.Status(challenged, Deadline.AddDays(1));

        Assert.Equal(AssessmentState.Challenged, status.State);
        Assert.False(status.RespondedOnTime);
        Assert.False(AssessmentResponseWorkflow.IsResponseOnTime(challenged));
        Assert.Equal(3, Assert.Single(challenged.Response!.Challenges).Number);
        Assert.Equal(ResponseKind.Challenge, challenged.Response.Kind);
        Assert.Null(AssessmentResponseWorkflow.IsResponseOnTime(Finalised));
    }

    [Fact]
    public void Status_reads_the_day_from_a_time_provider()
    {
        var status = AssessmentResponseWorkflow.Status(Finalised, new FixedTimeProvider(new DateTimeOffset(2026, 1, 6, 23, 30, 0, TimeSpan.Zero)));

        Assert.Equal(new DateOnly(2026, 1, 6), status.AsOf);
        Assert.Equal(1, status.WorkingDaysLeft);
    }

    [Fact]
    public void Responding_to_a_draft_is_refused()
    {
        var error = Assert.Throws<InvalidAssessmentException>(() => AssessmentResponseWorkflow.Accept(Draft, FinalisedOn));

        Assert.Equal("Assessment 'a1': it is a draft: the service team responds only after the lead assessor finalises it.", error.Message);
    }

    [Fact]
    public void Responding_twice_is_refused()
    {
        var accepted = AssessmentResponseWorkflow.Accept(Finalised, FinalisedOn);

        var error = Assert.Throws<InvalidAssessmentException>(() => AssessmentResponseWorkflow.Challenge(accepted, Deadline, ChallengeToPoint3));

        Assert.Contains("already responded (accepted on 19 December 2025)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Challenging_a_point_the_assessment_does_not_have_is_refused()
    {
        var error = Assert.Throws<InvalidAssessmentException>(() =>
            AssessmentResponseWorkflow.Challenge(Finalised, Deadline, [new PointChallenge { Number = 7, Reason = "No." }]));

        Assert.Equal(7, error.PointNumber);
        Assert.Equal("Assessment 'a1', point 7: point 7 cannot be challenged: the assessment has no finding for it (points: 1, 2, 3).", error.Message);
    }

    [Fact]
    public void A_response_dated_before_the_finalisation_is_refused()
    {
        var error = Assert.Throws<InvalidAssessmentException>(() => AssessmentResponseWorkflow.Accept(Finalised, FinalisedOn.AddDays(-1)));

        Assert.Contains("the response on 18 December 2025 is before the finalisation on 19 December 2025", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accept-with-points", "an acceptance cannot challenge points")]
    [InlineData("challenge-without-points", "a challenge must name at least one point")]
    [InlineData("twice", "point 3 is challenged more than once")]
    [InlineData("no-reason", "the challenge to point 3 gives no reason")]
    public void Malformed_responses_are_refused(string kind, string expected)
    {
        var response = kind switch
        {
            "accept-with-points" => new ServiceTeamResponse { Date = Deadline, Kind = ResponseKind.Accept, Challenges = ChallengeToPoint3 },
            "challenge-without-points" => new ServiceTeamResponse { Date = Deadline, Kind = ResponseKind.Challenge },
            "twice" => new ServiceTeamResponse { Date = Deadline, Kind = ResponseKind.Challenge, Challenges = [.. ChallengeToPoint3, .. ChallengeToPoint3] },
            _ => new ServiceTeamResponse { Date = Deadline, Kind = ResponseKind.Challenge, Challenges = [new PointChallenge { Number = 3, Reason = " " }] },
        };

        var error = Assert.Throws<InvalidAssessmentException>(() => AssessmentResponseWorkflow.Respond(Finalised, response));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finalising_twice_is_refused_and_points_to_amending()
    {
        var error = Assert.Throws<InvalidAssessmentException>(() =>
            AssessmentResponseWorkflow.Finalise(Finalised, new AssessmentFinalisation { Date = Deadline, LeadAssessor = "Sam Lee" }));

        Assert.Equal("Assessment 'a1': it was already finalised on 19 December 2025 by Sam Lee and is not edited; amend it as a new revision instead.", error.Message);
    }

    [Theory]
    [InlineData("Kim Roe", "2025-12-19", 10, "'Kim Roe' is not one (lead assessor: Sam Lee)")]
    [InlineData("Sam Lee", "2025-12-14", 10, "before the assessment on 15 December 2025")]
    [InlineData("Sam Lee", "2025-12-19", 0, "at least 1 working day, not 0")]
    public void Invalid_finalisations_are_refused(string by, string on, int days, string expected)
    {
        var finalisation = new AssessmentFinalisation { Date = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), LeadAssessor = by, ResponseWorkingDays = days };

        var error = Assert.Throws<InvalidAssessmentException>(() => AssessmentResponseWorkflow.Finalise(Draft, finalisation));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_panel_without_a_lead_assessor_cannot_finalise() =>
        Assert.Contains("the panel names none", Assert.Throws<InvalidAssessmentException>(() =>
            AssessmentResponseWorkflow.Finalise(Draft with { Panel = [] }, new AssessmentFinalisation { Date = FinalisedOn, LeadAssessor = "Sam Lee" })).Message, StringComparison.Ordinal);

    [Fact]
    public void Amending_starts_a_draft_revision_that_supersedes_the_finalised_one()
    {
        var challenged = AssessmentResponseWorkflow.Challenge(Finalised, Deadline, ChallengeToPoint3);

        var revision = AssessmentResponseWorkflow.Amend(challenged, "a1-r2") with { Points = [.. challenged.Points.Select(p => p.Number == 3 ? p with { Outcome = "amber" } : p)] };
        var refinalised = AssessmentResponseWorkflow.Finalise(revision, new AssessmentFinalisation { Date = new DateOnly(2026, 1, 9), LeadAssessor = "Sam Lee" });

        Assert.Equal("a1-r2", revision.Id);
        Assert.Equal("a1", revision.Supersedes);
        Assert.Null(revision.Finalisation);
        Assert.Null(revision.Response);
        Assert.Equal("red", challenged.FindPoint(3)!.Outcome);
        Assert.Equal(AssessmentState.AwaitingResponse, AssessmentResponseWorkflow.Status(refinalised, new DateOnly(2026, 1, 9)).State);
        Assert.Equal(new DateOnly(2026, 1, 23), AssessmentResponseWorkflow.ResponseDeadline(refinalised));
    }

    [Fact]
    public void Amending_a_draft_or_reusing_the_id_is_refused()
    {
        Assert.Contains("edited directly", Assert.Throws<InvalidAssessmentException>(() => AssessmentResponseWorkflow.Amend(Draft, "a2")).Message, StringComparison.Ordinal);
        Assert.Contains("id of its own", Assert.Throws<InvalidAssessmentException>(() => AssessmentResponseWorkflow.Amend(Finalised, "a1")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deadline_of_a_draft_is_refused() =>
        Assert.Contains("no response deadline yet", Assert.Throws<InvalidAssessmentException>(() => AssessmentResponseWorkflow.ResponseDeadline(Draft)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_document_with_a_response_but_no_finalisation_is_refused()
    {
        var broken = Draft with { Response = new ServiceTeamResponse { Date = Deadline, Kind = ResponseKind.Accept } };

        Assert.Contains("never finalised", Assert.Throws<InvalidAssessmentException>(() => AssessmentResponseWorkflow.Status(broken, Deadline)).Message, StringComparison.Ordinal);
        Assert.Contains("cannot carry a service team response", Assert.Throws<InvalidAssessmentException>(() =>
            AssessmentResponseWorkflow.Finalise(broken, new AssessmentFinalisation { Date = FinalisedOn, LeadAssessor = "Sam Lee" })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reassessment_of_a_finalised_assessment_starts_as_a_draft()
    {
        var accepted = AssessmentResponseWorkflow.Accept(Finalised, Deadline);

        var reassessment = Reassessment.Create(accepted, OutcomeSchemes.RedAmberGreen, "a2", new DateOnly(2026, 3, 2), [new PointAssessment { Number = 3, Outcome = "green" }]);

        Assert.Null(reassessment.Finalisation);
        Assert.Null(reassessment.Response);
        Assert.Equal(AssessmentState.Draft, AssessmentResponseWorkflow.Status(reassessment, new DateOnly(2026, 3, 2)).State);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
