using System.Globalization;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>
/// Finalising an assessment and the service team's response: the lead assessor finalises it on a day, then the team
/// accepts the outcome or challenges points of it within a number of working days (10 by default). A finalised
/// assessment is not edited: <see cref="Amend"/> starts a new revision, with its own id, that
/// <see cref="Assessment.Supersedes"/> it and is finalised and answered in its own right.
/// Every operation returns a new assessment and never reads the clock.
/// </summary>
public static class AssessmentResponseWorkflow
{
    /// <summary>The working days a service team has to respond unless the finalisation says otherwise.</summary>
    public const int DefaultResponseWorkingDays = 10;

    /// <summary>Finalises a draft assessment.</summary>
    /// <param name="draft">The assessment, not yet finalised.</param>
    /// <param name="finalisation">When, by which lead assessor, and the response terms.</param>
    /// <returns>The finalised assessment.</returns>
    /// <exception cref="InvalidAssessmentException">
    /// The assessment is already finalised or has a response; the finaliser is not a lead assessor on the panel; the
    /// day is before the assessment took place; or the response period is not at least one working day.
    /// </exception>
    public static Assessment Finalise(Assessment draft, AssessmentFinalisation finalisation)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(finalisation);
        if (draft.Finalisation is { } existing)
        {
            throw new InvalidAssessmentException(draft.Id, null, $"it was already finalised on {Long(existing.Date)} by {existing.LeadAssessor} and is not edited; amend it as a new revision instead");
        }

        if (draft.Response is not null)
        {
            throw new InvalidAssessmentException(draft.Id, null, "a draft cannot carry a service team response");
        }

        var leads = draft.Panel.Where(p => p.Role == AssessmentRole.LeadAssessor).Select(p => p.Name).ToList();
        if (!leads.Contains(finalisation.LeadAssessor, StringComparer.Ordinal))
        {
            throw new InvalidAssessmentException(draft.Id, null, leads.Count == 0
                ? $"only the lead assessor finalises an assessment, and the panel names none ('{finalisation.LeadAssessor}' was given)"
                : $"only the lead assessor finalises an assessment, and '{finalisation.LeadAssessor}' is not one (lead assessor: {string.Join(", ", leads)})");
        }

        if (draft.Date is { } held && finalisation.Date < held)
        {
            throw new InvalidAssessmentException(draft.Id, null, $"it cannot be finalised on {Long(finalisation.Date)}, before the assessment on {Long(held)}");
        }

        if (finalisation.ResponseWorkingDays is < 1)
        {
            throw new InvalidAssessmentException(draft.Id, null, $"the response period must be at least 1 working day, not {finalisation.ResponseWorkingDays}");
        }

        return draft with { Finalisation = finalisation };
    }

    /// <summary>Records that the service team accepts the outcome of a finalised assessment.</summary>
    /// <param name="finalised">The finalised assessment.</param>
    /// <param name="date">The day the team accepted.</param>
    /// <param name="respondedBy">Who accepted for the team, when recorded.</param>
    /// <returns>The assessment with the response.</returns>
    /// <exception cref="InvalidAssessmentException">See <see cref="Respond"/>.</exception>
    public static Assessment Accept(Assessment finalised, DateOnly date, string? respondedBy = null) =>
        Respond(finalised, new ServiceTeamResponse { Date = date, Kind = ResponseKind.Accept, RespondedBy = respondedBy });

    /// <summary>Records that the service team challenges points of a finalised assessment.</summary>
    /// <param name="finalised">The finalised assessment.</param>
    /// <param name="date">The day the team challenged.</param>
    /// <param name="challenges">The points challenged, each with the team's reason.</param>
    /// <param name="respondedBy">Who challenged for the team, when recorded.</param>
    /// <returns>The assessment with the response.</returns>
    /// <exception cref="InvalidAssessmentException">See <see cref="Respond"/>.</exception>
    public static Assessment Challenge(Assessment finalised, DateOnly date, IReadOnlyList<PointChallenge> challenges, string? respondedBy = null) =>
        Respond(finalised, new ServiceTeamResponse { Date = date, Kind = ResponseKind.Challenge, Challenges = challenges, RespondedBy = respondedBy });

    /// <summary>
    /// Records the service team's response. A late response is recorded too (<see cref="IsResponseOnTime"/> says it was late):
    /// the deadline is for the team, not a lock on the document.
    /// </summary>
    /// <param name="finalised">The finalised assessment.</param>
    /// <param name="response">The response.</param>
    /// <returns>The assessment with the response.</returns>
    /// <exception cref="InvalidAssessmentException">
    /// The assessment is a draft or already has a response; the response is dated before the finalisation; an
    /// acceptance lists challenges or a challenge lists none; a challenged point is not in the assessment, is given
    /// twice or has no reason.
    /// </exception>
    public static Assessment Respond(Assessment finalised, ServiceTeamResponse response)
    {
        ArgumentNullException.ThrowIfNull(finalised);
        ArgumentNullException.ThrowIfNull(response);
        var finalisation = finalised.Finalisation
            ?? throw new InvalidAssessmentException(finalised.Id, null, "it is a draft: the service team responds only after the lead assessor finalises it");
        if (finalised.Response is { } earlier)
        {
            throw new InvalidAssessmentException(finalised.Id, null, $"the service team already responded ({Verb(earlier.Kind)} on {Long(earlier.Date)}); a response is not replaced, so amend the assessment as a new revision to respond again");
        }

        if (response.Date < finalisation.Date)
        {
            throw new InvalidAssessmentException(finalised.Id, null, $"the response on {Long(response.Date)} is before the finalisation on {Long(finalisation.Date)}");
        }

        if (response.Kind == ResponseKind.Accept && response.Challenges.Count > 0)
        {
            throw new InvalidAssessmentException(finalised.Id, null, "an acceptance cannot challenge points; respond with a challenge instead");
        }

        if (response.Kind == ResponseKind.Challenge && response.Challenges.Count == 0)
        {
            throw new InvalidAssessmentException(finalised.Id, null, "a challenge must name at least one point and the reason");
        }

        var seen = new HashSet<int>();
        foreach (var challenge in response.Challenges)
        {
            if (finalised.FindPoint(challenge.Number) is null)
            {
                throw new InvalidAssessmentException(finalised.Id, challenge.Number, $"point {challenge.Number} cannot be challenged: the assessment has no finding for it (points: {string.Join(", ", finalised.Points.Select(p => p.Number))})");
            }

            if (!seen.Add(challenge.Number))
            {
                throw new InvalidAssessmentException(finalised.Id, challenge.Number, $"point {challenge.Number} is challenged more than once");
            }

            if (string.IsNullOrWhiteSpace(challenge.Reason))
            {
                throw new InvalidAssessmentException(finalised.Id, challenge.Number, $"the challenge to point {challenge.Number} gives no reason");
            }
        }

        return finalised with { Response = response };
    }

    /// <summary>Starts a new revision of a finalised assessment: a draft with a new id that supersedes it, with no finalisation or response.</summary>
    /// <param name="finalised">The finalised assessment to amend.</param>
    /// <param name="newId">The new revision's id.</param>
    /// <returns>The draft revision; edit it with <c>with</c>, then <see cref="Finalise"/> it.</returns>
    /// <exception cref="InvalidAssessmentException">The assessment is a draft (edit it directly) or <paramref name="newId"/> is its own id.</exception>
    public static Assessment Amend(Assessment finalised, string newId)
    {
        ArgumentNullException.ThrowIfNull(finalised);
        ArgumentException.ThrowIfNullOrWhiteSpace(newId);
        if (finalised.Finalisation is null)
        {
            throw new InvalidAssessmentException(finalised.Id, null, "it is a draft, so it is edited directly rather than amended");
        }

        if (string.Equals(newId, finalised.Id, StringComparison.Ordinal))
        {
            throw new InvalidAssessmentException(finalised.Id, null, "a revision needs an id of its own");
        }

        return finalised with { Id = newId, Finalisation = null, Response = null, Supersedes = finalised.Id };
    }

    /// <summary>The last day the service team can respond on time: the finalisation day plus the response period in working days.</summary>
    /// <param name="finalised">The finalised assessment.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="InvalidAssessmentException">The assessment is a draft.</exception>
    public static DateOnly ResponseDeadline(Assessment finalised)
    {
        ArgumentNullException.ThrowIfNull(finalised);
        var finalisation = finalised.Finalisation
            ?? throw new InvalidAssessmentException(finalised.Id, null, "it is a draft, so there is no response deadline yet");
        return Deadline(finalisation);
    }

    /// <summary>Whether the service team responded on or before the deadline.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>True or false once the team has responded; null before.</returns>
    /// <exception cref="InvalidAssessmentException">The assessment has a response but no finalisation.</exception>
    public static bool? IsResponseOnTime(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        CheckConsistent(assessment);
        return assessment.Response is { } response ? response.Date <= ResponseDeadline(assessment) : null;
    }

    /// <summary>The assessment's state as of the current day of <paramref name="timeProvider"/> (its local time zone).</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="timeProvider">The clock, e.g. <see cref="TimeProvider.System"/>.</param>
    /// <returns>The status.</returns>
    /// <exception cref="InvalidAssessmentException">The assessment has a response but no finalisation.</exception>
    public static AssessmentStatus Status(Assessment assessment, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Status(assessment, DateOnly.FromDateTime(timeProvider.GetLocalNow().DateTime));
    }

    /// <summary>
    /// The assessment's state as of <paramref name="asOf"/>: a draft before its finalisation day; accepted or challenged
    /// from the day the team responded; otherwise awaiting a response up to and including the deadline, then overdue.
    /// </summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="asOf">The day to describe.</param>
    /// <returns>The status.</returns>
    /// <exception cref="InvalidAssessmentException">The assessment has a response but no finalisation, or a response dated before it.</exception>
    public static AssessmentStatus Status(Assessment assessment, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        CheckConsistent(assessment);
        if (assessment.Finalisation is not { } finalisation || asOf < finalisation.Date)
        {
            return new AssessmentStatus { AsOf = asOf, State = AssessmentState.Draft };
        }

        var deadline = Deadline(finalisation);
        var status = new AssessmentStatus { AsOf = asOf, State = AssessmentState.AwaitingResponse, FinalisedOn = finalisation.Date, Deadline = deadline };
        if (assessment.Response is { } response && response.Date <= asOf)
        {
            return status with
            {
                State = response.Kind == ResponseKind.Accept ? AssessmentState.Accepted : AssessmentState.Challenged,
                RespondedOn = response.Date,
                RespondedOnTime = response.Date <= deadline,
            };
        }

        var calendar = finalisation.WorkingDays();
        return asOf <= deadline
            ? status with { WorkingDaysLeft = calendar.CountWorkingDays(asOf, deadline) }
            : status with { State = AssessmentState.ResponseOverdue, WorkingDaysOverdue = calendar.CountWorkingDays(deadline, asOf) };
    }

    private static DateOnly Deadline(AssessmentFinalisation finalisation) =>
        finalisation.WorkingDays().AddWorkingDays(finalisation.Date, finalisation.ResponseWorkingDays ?? DefaultResponseWorkingDays);

    // Documents read from JSON have not been through Finalise and Respond, so the pairing is checked where it matters.
    private static void CheckConsistent(Assessment assessment)
    {
        if (assessment.Response is not { } response)
        {
            return;
        }

        if (assessment.Finalisation is not { } finalisation)
        {
            throw new InvalidAssessmentException(assessment.Id, null, "it has a service team response but was never finalised");
        }

        if (response.Date < finalisation.Date)
        {
            throw new InvalidAssessmentException(assessment.Id, null, $"the response on {Long(response.Date)} is before the finalisation on {Long(finalisation.Date)}");
        }
    }

    private static string Verb(ResponseKind kind) => kind == ResponseKind.Accept ? "accepted" : "challenged";

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
