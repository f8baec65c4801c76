using Platform.Grains.Abstractions.Splits;

namespace Platform.WebUI.Tests.Splits;

/// <summary>Split summaries for component tests: three folds of 3, 6 and 6 validation cases over labels 1 and 2.</summary>
internal static class SplitSamples
{
    public static SplitFoldSummary Fold(int fold, int train, int validation, params (int Label, int Cases)[] labels) =>
        new(fold, train, validation, labels.ToDictionary(l => l.Label, l => l.Cases));

    public static SplitSummary Saved(SplitSpec? spec = null) => new(
        "default", 2, spec ?? new SplitSpec(FoldCount: 3), Cases: 17, Test: 2,
        [Fold(0, 12, 3, (1, 3), (2, 1)), Fold(1, 9, 6, (1, 6)), Fold(2, 9, 6, (1, 4), (2, 2))],
        DateTimeOffset.UnixEpoch, "alice", "generated (KFold)");

    public static SplitSummary Proposal(int folds) => new(
        "default", 2, new SplitSpec(FoldCount: folds), Cases: 16, Test: 0,
        Enumerable.Range(0, folds).Select(f => Fold(f, 16 - (16 / folds), 16 / folds, (1, 16 / folds))).ToList(),
        null, null, "preview");
}
