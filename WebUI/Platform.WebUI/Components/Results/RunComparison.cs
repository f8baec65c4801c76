using Platform.Grains.Abstractions.Results;

namespace Platform.WebUI.Components.Results;

/// <summary>
/// A run or a cross-validation taking part in a comparison, with its per-case scores. <paramref name="RunId"/> names it
/// (a run id or a cross-validation's name); <paramref name="CaseRuns"/> says which run scored each case when that is
/// not <paramref name="RunId"/> itself (a cross-validation's case was scored by its fold's run), so the viewer opens
/// the prediction that was scored.
/// </summary>
public sealed record ComparedRun(string RunId, IReadOnlyList<CaseScore> Scores, IReadOnlyDictionary<string, string>? CaseRuns = null)
{
    /// <summary>A cross-validation as one compared set: its folds' scores pooled, each case linked to its fold's run.</summary>
    public static ComparedRun Pooled(string name, IReadOnlyList<FoldScores> folds) => new(
        name, [.. folds.SelectMany(f => f.Scores)],
        folds.SelectMany(f => f.Scores.Select(s => (s.CaseId, f.RunId))).DistinctBy(c => c.CaseId).ToDictionary(c => c.CaseId, c => c.RunId, StringComparer.Ordinal));

    /// <summary>The run whose prediction of <paramref name="caseId"/> was scored.</summary>
    public string RunOf(string caseId) => CaseRuns is not null && CaseRuns.TryGetValue(caseId, out var run) ? run : RunId;
}

/// <summary>
/// The per-case comparison of runs on one label (or on the mean over labels): each run's Dice, then each later
/// run's difference to the first one (the baseline). A case one run did not score shows a dash, and its
/// difference is undefined; so is a difference with a NaN side.
/// </summary>
public static class RunComparison
{
    public static string DiceKey(int run) => $"run-{run}";

    public static string DifferenceKey(int run) => $"diff-{run}";

    public static IReadOnlyList<ScoreColumn> Columns(IReadOnlyList<string> runIds) =>
    [
        .. runIds.Select((id, i) => new ScoreColumn(DiceKey(i), id, "compare-dice")),
        .. runIds.Skip(1).Select((id, i) => new ScoreColumn(DifferenceKey(i + 1), $"Δ {id}", "compare-diff", IsDifference: true)),
    ];

    /// <summary>Rows for every case any run scored; <paramref name="label"/> null compares the cases' mean Dice over labels.</summary>
    public static IReadOnlyList<CaseScoreRow> Rows(IReadOnlyList<ComparedRun> runs, int? label)
    {
        var perRun = runs.Select(run => RunScoreTable.Rows(run.Scores, run.RunId).ToDictionary(r => r.CaseId, StringComparer.Ordinal)).ToList();
        var key = label is { } l ? RunScoreTable.LabelKey(l) : RunScoreTable.MeanKey;
        var cases = perRun.SelectMany(rows => rows.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. cases.Select(caseId =>
        {
            var cells = new Dictionary<string, ScoreCell>();
            var values = perRun.Select(rows => rows.TryGetValue(caseId, out var row) && row.Cells.TryGetValue(key, out var cell) ? cell : null).ToList();
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is { } cell)
                    cells[DiceKey(i)] = cell;
                if (i > 0)
                    cells[DifferenceKey(i)] = new ScoreCell(Difference(values[i], values[0]), $"{runs[i].RunId} minus {runs[0].RunId}");
            }

            // The viewer opens the baseline's prediction of the case, or the first run that has one.
            var viewerRun = runs.Where((_, i) => values[i] is not null).Select(r => r.RunOf(caseId)).FirstOrDefault();
            return new CaseScoreRow(caseId, viewerRun, null, cells);
        })];
    }

    /// <summary>Mean Dice per label and run (NaN-aware) over all the run's cases, for the side-by-side summary.</summary>
    public static double MeanDice(ComparedRun run, int label) => DiceStatistics.MeanOf(run.Scores.Where(s => s.Label == label).Select(s => s.Dice));

    /// <summary>The cases every run scored: the only ones a difference between runs may be computed on.</summary>
    public static IReadOnlySet<string> SharedCases(IReadOnlyList<ComparedRun> runs) =>
        runs.Count == 0
            ? new HashSet<string>(StringComparer.Ordinal)
            : runs.Skip(1).Aggregate(runs[0].Scores.Select(s => s.CaseId).ToHashSet(StringComparer.Ordinal),
                (shared, run) => { shared.IntersectWith(run.Scores.Select(s => s.CaseId)); return shared; });

    /// <summary>
    /// Run <paramref name="run"/>'s mean Dice of a label minus the baseline's, paired: over the cases both scored with a
    /// defined Dice. NaN when there is no such case, so no difference is reported between runs scored on different cases.
    /// </summary>
    public static double MeanDifference(ComparedRun run, ComparedRun baseline, int label)
    {
        var theirs = baseline.Scores.Where(s => s.Label == label && !double.IsNaN(s.Dice)).ToDictionary(s => s.CaseId, s => s.Dice, StringComparer.Ordinal);
        var differences = run.Scores.Where(s => s.Label == label && !double.IsNaN(s.Dice) && theirs.ContainsKey(s.CaseId))
            .Select(s => s.Dice - theirs[s.CaseId]).ToList();
        return differences.Count == 0 ? double.NaN : differences.Average();
    }

    private static double Difference(ScoreCell? value, ScoreCell? baseline) =>
        value is null || baseline is null ? double.NaN : value.Value - baseline.Value;
}
