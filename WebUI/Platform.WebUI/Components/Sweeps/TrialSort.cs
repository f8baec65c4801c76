using Platform.Grains.Abstractions.Sweeps;

namespace Platform.WebUI.Components.Sweeps;

/// <summary>A column of the trial table to sort by: a fixed column, or a searched parameter (by its path).</summary>
public sealed record TrialColumn(string Id, string Header, string? ParameterPath = null)
{
    public static readonly TrialColumn Trial = new("trial", "Trial");
    public static readonly TrialColumn State = new("state", "State");
    public static readonly TrialColumn Rung = new("rung", "Rung reached");
    public static readonly TrialColumn BestMetric = new("best", "Best metric");
    public static readonly TrialColumn LastMetric = new("last", "Last metric");

    public static TrialColumn Parameter(int index, string path) => new($"param-{index}", SweepValues.ShortName(path), path);
}

/// <summary>
/// Orders trials by a column: numbers numerically, other values as text; trials without a value go last in either
/// direction (a pending trial has no metric and should not top a descending metric sort).
/// </summary>
public static class TrialSort
{
    public static IReadOnlyList<SweepTrial> By(IEnumerable<SweepTrial> trials, TrialColumn column, bool descending, IReadOnlyList<int> rungEpochs)
    {
        var keyed = trials.Select(t => (Trial: t, Key: KeyOf(t, column, rungEpochs))).ToList();
        var present = keyed.Where(k => k.Key.Number is not null || k.Key.Text is not null);
        var ordered = descending
            ? present.OrderByDescending(k => k.Key.Number).ThenByDescending(k => k.Key.Text, StringComparer.Ordinal)
            : present.OrderBy(k => k.Key.Number).ThenBy(k => k.Key.Text, StringComparer.Ordinal);
        return ordered.ThenBy(k => k.Trial.Number)
            .Concat(keyed.Where(k => k.Key.Number is null && k.Key.Text is null))
            .Select(k => k.Trial).ToList();
    }

    private static (double? Number, string? Text) KeyOf(SweepTrial trial, TrialColumn column, IReadOnlyList<int> rungEpochs)
    {
        if (column.ParameterPath is { } path)
        {
            var value = SweepValues.ValueOf(trial, path);
            return SweepValues.Number(value) is { } number ? (number, null) : (null, value);
        }

        return column.Id switch
        {
            "state" => (null, trial.State.ToString()),
            "rung" => (trial.State == TrialState.Completed ? int.MaxValue : SweepValues.RungsReached(trial, rungEpochs), null),
            "best" => (trial.BestMetric, null),
            "last" => (trial.LastMetric, null),
            _ => (trial.Number, null),
        };
    }
}
