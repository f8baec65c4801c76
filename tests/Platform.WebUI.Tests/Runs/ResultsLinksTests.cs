using Bunit;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Runs;
using Xunit;
using static Platform.WebUI.Tests.Runs.RunSamples;

namespace Platform.WebUI.Tests.Runs;

/// <summary>Every finished job links to its results from the lists it appears in; unfinished ones do not.</summary>
public sealed class ResultsLinksTests : MudBlazorContext
{
    private static ProjectItem CrossValidation(string name, CrossValidationState state) =>
        Item(RunState.Queued, 0, 5) with { Kind = ProjectItemKind.CrossValidation, Name = name, State = state.ToString() };

    [Fact]
    public void A_completed_run_links_to_its_results_and_a_running_one_does_not()
    {
        var table = Context.Render<RunTable>(p => p.Add(c => c.LabId, Lab).Add(c => c.Project, Project)
            .Add(c => c.Runs, [Item(RunState.Completed, 5, 5) with { Name = "done-run" }, Item(RunState.Running, 2, 5) with { Name = "busy-run" }]));

        var link = Assert.Single(table.FindAll("[data-testid=run-row-results-link]"));
        Assert.Equal($"labs/{Lab}/projects/{Project}/runs/done-run/results", link.GetAttribute("href"));
    }

    [Fact]
    public void A_completed_cross_validation_links_to_its_results_and_a_training_one_does_not()
    {
        var table = Context.Render<CrossValidationTable>(p => p.Add(c => c.LabId, Lab).Add(c => c.Project, Project)
            .Add(c => c.CrossValidations, [CrossValidation("done-cv", CrossValidationState.Completed), CrossValidation("busy-cv", CrossValidationState.Training)]));

        var link = Assert.Single(table.FindAll("[data-testid=cross-validation-row-results-link]"));
        Assert.Equal($"labs/{Lab}/projects/{Project}/cross-validations/done-cv/results", link.GetAttribute("href"));
    }

    [Fact]
    public void A_completed_fold_links_to_its_runs_results()
    {
        var table = Context.Render<FoldTable>(p => p.Add(c => c.LabId, Lab).Add(c => c.Project, Project).Add(c => c.Folds,
        [
            new FoldProgress(0, $"{Lab}/{Project}/tiny-f0-done", RunState.Completed, 5, 5, null),
            new FoldProgress(1, $"{Lab}/{Project}/tiny-f1-busy", RunState.Running, 2, 5, null),
        ]));

        var link = Assert.Single(table.FindAll("[data-testid=fold-results-link]"));
        Assert.Equal($"labs/{Lab}/projects/{Project}/runs/tiny-f0-done/results", link.GetAttribute("href"));
    }
}
