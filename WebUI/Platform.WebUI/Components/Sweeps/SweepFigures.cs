using Platform.Grains.Abstractions.Sweeps;
using Platform.WebUI.Components.Charts;

namespace Platform.WebUI.Components.Sweeps;

/// <summary>
/// A sweep's trials as figures: best metric against one searched parameter (log axis for a log-uniform parameter,
/// categories for a choice), and parallel coordinates over all parameters and the metric. Trials without a metric yet
/// are left out of both.
/// </summary>
public static class SweepFigures
{
    public const string MetricTitle = "best metric";

    public static ChartFigure Scatter(SweepSnapshot snapshot, SweepParameter parameter)
    {
        var choice = parameter.Kind == SweepParameterKind.Choice;
        var points = snapshot.Trials
            .Where(t => t.BestMetric is { } m && double.IsFinite(m) && SweepValues.ValueOf(t, parameter.Path) is not null)
            .Select(t =>
            {
                var raw = SweepValues.ValueOf(t, parameter.Path);
                object x = choice ? SweepValues.Display(raw) : SweepValues.Number(raw) ?? double.NaN;
                return (X: x, Y: t.BestMetric!.Value, Label: $"trial {t.Number}", Highlight: t.Number == snapshot.BestTrial);
            })
            .Where(p => p.X is string || p.X is double d && double.IsFinite(d))
            .ToList();
        return ChartTraces.Points(points, new ChartAxis(parameter.Path, Log: parameter.Kind == SweepParameterKind.LogUniform), new ChartAxis(MetricTitle, ".4f"), categoryX: choice);
    }

    public static ChartFigure Parallel(SweepSnapshot snapshot)
    {
        var trials = snapshot.Trials
            .Where(t => t.BestMetric is { } m && double.IsFinite(m) && snapshot.Request.Parameters.All(p => Place(p, t, Categories(snapshot, p)) is not null))
            .ToList();
        var axes = snapshot.Request.Parameters.Select(p =>
        {
            var categories = Categories(snapshot, p);
            return new ParallelAxis(SweepValues.ShortName(p.Path), [.. trials.Select(t => Place(p, t, categories)!.Value)],
                categories?.Select(SweepValues.Display).ToList(), p.Kind == SweepParameterKind.LogUniform);
        }).ToList();
        var metrics = trials.Select(t => t.BestMetric!.Value).ToList();
        axes.Add(new ParallelAxis(MetricTitle, metrics));
        return ChartTraces.Parallel(axes, metrics, MetricTitle);
    }

    // Choices as declared, then any value a trial holds that the declaration lacks (so every trial gets a place).
    private static List<string>? Categories(SweepSnapshot snapshot, SweepParameter parameter) =>
        parameter.Kind == SweepParameterKind.Choice
            ? [.. (parameter.Choices ?? []).Concat(snapshot.Trials.Select(t => SweepValues.ValueOf(t, parameter.Path)).OfType<string>()).Distinct(StringComparer.Ordinal)]
            : null;

    // A trial's value on a parameter's axis: its category index, or its number (positive on a log axis); null when it has none.
    private static double? Place(SweepParameter parameter, SweepTrial trial, List<string>? categories)
    {
        var raw = SweepValues.ValueOf(trial, parameter.Path);
        if (raw is null)
            return null;
        if (categories is not null)
            return categories.IndexOf(raw);
        return SweepValues.Number(raw) is { } v && (parameter.Kind != SweepParameterKind.LogUniform || v > 0) ? v : null;
    }
}
