using Platform.Grains.Abstractions.Splits;

namespace Platform.WebUI.Components.Splits;

/// <summary>The labels a split's folds mention, in order, so tables and charts give every label the same column and colour.</summary>
public static class SplitLabels
{
    public static IReadOnlyList<int> Of(SplitSummary summary) =>
        summary.Folds.SelectMany(f => f.ValidationCasesWithLabel.Keys).Distinct().Order().ToList();

    public static int CasesWith(SplitFoldSummary fold, int label) => fold.ValidationCasesWithLabel.TryGetValue(label, out var n) ? n : 0;
}
