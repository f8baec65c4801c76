using Microsoft.AspNetCore.Components;
using Platform.Grains.Abstractions.Results;
using Platform.Plans.Tasks;
using Platform.WebUI.Components.Charts;

namespace Platform.WebUI.Components.Results;

public sealed partial class TargetResultsView
{
    /// <summary>The run's predictions and figures, as its grain reports them. Required.</summary>
    [Parameter, EditorRequired] public RunTargetResults Results { get; set; } = null!;

    /// <summary>Which cases these are, in the headings ("validation", "test").</summary>
    [Parameter] public string CasesName { get; set; } = "validation";

    private IReadOnlyList<string> ProbabilityColumns => Results.Kind == TaskKind.Classification ? Results.ClassNames : [];

    /// <summary>Each scored case at (true, predicted), named on hover.</summary>
    private ChartFigure Scatter => ChartTraces.Points(
        [.. Results.Cases.Where(c => c.TrueValue is not null && c.PredictedValue is not null)
            .Select(c => ((object)c.TrueValue!.Value, c.PredictedValue!.Value, c.CaseId, false))],
        new ChartAxis("True value"), new ChartAxis("Predicted value"));

    private string TrueText(CaseTargetResult row) => Results.Kind == TaskKind.Classification
        ? row.TrueClass is int c ? Results.ClassNames[c] : "—"
        : row.TrueValue is double v ? TargetFormat.Value(v) : "—";

    private string PredictedText(CaseTargetResult row) => Results.Kind == TaskKind.Classification
        ? row.PredictedClass is int c ? Results.ClassNames[c] : "—"
        : row.PredictedValue is double v ? TargetFormat.Value(v) : "—";
}
