using Microsoft.AspNetCore.Components;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Training;

namespace Platform.WebUI.Components.Results;

public sealed partial class RunResultsView
{
    private const string AllCases = "all cases";

    [Parameter, EditorRequired] public string LabId { get; set; } = "";

    [Parameter, EditorRequired] public string Project { get; set; } = "";

    [Parameter, EditorRequired] public string RunId { get; set; } = "";

    /// <summary>The run as its grain reports it. Required.</summary>
    [Parameter, EditorRequired] public RunSnapshot Run { get; set; } = null!;

    /// <summary>The run's per-case scores (empty until it completed). Required.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<CaseScore> Scores { get; set; } = [];

    /// <summary>The project's label names, cascaded by the page; none: "label N".</summary>
    [CascadingParameter] public Grains.Abstractions.Projects.LabelNames? Names { get; set; }

    private IReadOnlyList<KeyValuePair<string, double>> FinalMetrics =>
        Run.Result?.FinalMetrics.OrderBy(m => m.Key, StringComparer.Ordinal).ToList() ?? [];

    private string Description
    {
        get
        {
            var request = Run.Request;
            var fold = request.Fold is { } f ? $"fold {f}" : "all training cases";
            var split = request.SplitName is { } s ? $" of split {s}" : "";
            return $"Plan {request.PlanName} v{request.PlanVersion}, {fold}{split}, seed {Run.SeedDescription} · {Run.State}";
        }
    }

    private string EmptyMessage => Run.State switch
    {
        RunState.Completed => "The run completed without validation scores: its fold has no validation case with a reference label.",
        RunState.Failed or RunState.Cancelled => $"The run is {Run.State.ToString().ToLowerInvariant()}; it ended before its evaluation, so it has no scores.",
        _ => $"No scores yet: results appear when the run completes (it is {Run.State.ToString().ToLowerInvariant()} now).",
    };
}
