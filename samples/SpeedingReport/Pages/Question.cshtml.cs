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

        var index = routing.Questions.ToList().IndexOf(Question);
        BackUrl = index == 0 ? (State.LocationMethod == "coordinates" ? "/where/coordinates" : "/where") : $"/question/{routing.Questions[index - 1].Id}";
        return null;
    }
}
