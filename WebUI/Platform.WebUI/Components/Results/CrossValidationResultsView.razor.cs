using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Layout;

namespace Platform.WebUI.Components.Results;

public sealed partial class CrossValidationResultsView
{
    [Parameter, EditorRequired] public string LabId { get; set; } = "";

    [Parameter, EditorRequired] public string Project { get; set; } = "";

    /// <summary>The cross-validation as its grain reports it. Required.</summary>
    [Parameter, EditorRequired] public CrossValidationSnapshot Snapshot { get; set; } = null!;

    /// <summary>The folds whose runs have scores, in fold order. Required.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<FoldScores> Folds { get; set; } = [];

    private IReadOnlyList<CaseScore> Pooled => [.. Folds.SelectMany(f => f.Scores)];

    /// <summary>The project's label names, cascaded by the page; none: "label N".</summary>
    [CascadingParameter] public Grains.Abstractions.Projects.LabelNames? Names { get; set; }

    private IReadOnlyList<CaseScoreRow> PooledRows => [.. Folds.SelectMany(f => RunScoreTable.Rows(f.Scores, f.RunId, f.Fold))];

    private string Description
    {
        get
        {
            var request = Snapshot.Request;
            return $"Plan {request.PlanName} v{request.PlanVersion} on split {request.SplitName}, seed {request.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "from the plan"} (+ fold number) · {Snapshot.State}, "
                + $"{Folds.Count} of {Snapshot.Folds.Count} folds scored";
        }
    }

    private string FoldLink(FoldProgress fold) => LabRoutes.RunResults(LabId, Project, GrainKeys.Parse(fold.RunKey).Name);

    private static Color FoldColor(FoldProgress fold) => fold.State switch
    {
        RunState.Completed => Color.Success,
        RunState.Failed or RunState.Cancelled => Color.Error,
        _ => Color.Default,
    };
}
