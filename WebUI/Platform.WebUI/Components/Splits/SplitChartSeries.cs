using MudBlazor;
using Platform.Grains.Abstractions.Splits;

namespace Platform.WebUI.Components.Splits;

/// <summary>The bars of <see cref="SplitChart"/>: validation cases per fold, then per label the validation cases that contain it.</summary>
public static class SplitChartSeries
{
    public static List<ChartSeries<double>> Of(SplitSummary summary) =>
    [
        Series("validation cases", summary.Folds.Select(f => (double)f.Validation)),
        .. SplitLabels.Of(summary).Select(label => Series($"with label {label}", summary.Folds.Select(f => (double)SplitLabels.CasesWith(f, label)))),
    ];

    private static ChartSeries<double> Series(string name, IEnumerable<double> values) =>
        new() { Name = name, Data = new ChartData<double>([.. values]) };
}
