using Platform.Grains.Abstractions.Splits;

namespace Platform.WebUI.Components.Splits;

/// <summary>The labels a split's folds mention, in order, so tables and charts give every label the same column and colour.</summary>
public static class SplitLabels
{
    public static IReadOnlyList<int> Of(SplitSummary summary) =>
        summary.Folds.SelectMany(f => f.ValidationCasesWithLabel.Keys).Distinct().Order().ToList();

    public static int CasesWith(SplitFoldSummary fold, int label) => fold.ValidationCasesWithLabel.TryGetValue(label, out var n) ? n : 0;

    /// <summary>A colour per label, cycling through a palette that stays readable for common colour blindness (Okabe–Ito).</summary>
    public static string Colour(int labelIndex) => Palette[labelIndex % Palette.Length];

    private static readonly string[] Palette = ["#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#D55E00", "#F0E442", "#000000"];
}
