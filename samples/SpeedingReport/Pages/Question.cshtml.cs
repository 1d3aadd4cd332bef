using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

public sealed class QuestionModel(RoutingConfiguration routing) : JourneyPageModel
{
    public RoutingQuestion? Question { get; private set; }

    [BindProperty]
    public string? Answer { get; set; }

    public string BackUrl { get; private set; } = "/where";

    public IActionResult OnGet(string id)
    {
        if (Find(id) is { } result)
        {
            return result;
        }

        Answer = State.Answers.GetValueOrDefault(id);
        return Page();
    }

    public IActionResult OnPost(string id)
    {
        if (Find(id) is { } result)
        {
            return result;
        }

        if (string.IsNullOrEmpty(Answer) || !Question!.Options.Any(o => o.Value == Answer))
        {
            Answer = null;
            AddError("answer", Question!.ErrorMessage);
            return Page();
        }

        State.Answers[id] = Answer;
        SaveState();
        return GoToNextStep(routing);
    }

    /// <summary>Sets up the question, or says where to go instead: not found, or the location is not given yet.</summary>
    private IActionResult? Find(string id)
    {
        Question = routing.FindQuestion(id);
        if (Question is null)
        {
            return NotFound();
        }

        if (State.Location is null)
        {
            return Redirect("/where");
        }

        // A question that cannot change the outcome here is not asked, even when its address is typed in.
        var progress = routing.Progress(State.Answers, State.Location.InParish);
        if (progress.IsSkipped(Question.Id))
        {
            return Redirect(NextStep(State, routing));
        }

        var index = routing.Questions.ToList().IndexOf(Question);
        var previous = progress.Answered.LastOrDefault(a => routing.Questions.ToList().IndexOf(a.Question) < index).Question;
        BackUrl = previous is not null ? $"/question/{previous.Id}" : (State.LocationMethod == "coordinates" ? "/where/coordinates" : "/where");
        return null;
    }
}
