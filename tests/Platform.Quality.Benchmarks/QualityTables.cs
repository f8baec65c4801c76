using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Quality.Benchmarks;

/// <summary>The figures as aligned, invariant-culture tables, and as JSON.</summary>
internal static class QualityTables
{
    // NaN (a label absent from both sides) and +∞ (an HD95 with one side empty) are results: written as "NaN" and "Infinity".
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void PrintSet(TextWriter o, SetFigures set)
    {
        o.WriteLine(F($"{set.Set} ({set.Cases} cases, native space; baseline in preprocessed space)"));
        o.WriteLine(F($"  {"label",-10} {"cases",5} {"Dice",7} {"HD95 mm",8} {"surf.Dice",9} {"lesion F1",9} {"lesion Dice",11} {"baseline Dice",13}"));
        foreach (var l in set.Labels)
            o.WriteLine(F($"  {l.Name,-10} {l.Cases,5} {N(l.Dice),7} {N(l.Hd95Mm, "F1"),8} {N(l.SurfaceDice),9} {N(l.LesionF1Pooled),9} {N(l.LesionDice),11} {N(l.BaselineDice),13}"));
        o.WriteLine("  (surface Dice at 1 mm; lesion F1 pooled over cases; lesion Dice: BraTS lesion-wise, mean over cases)");
    }

    public static void PrintRest(TextWriter o, QualityFigures f)
    {
        o.WriteLine("Postprocessing chosen on the pooled cross-validation predictions:");
        foreach (var d in f.Postprocessing)
            o.WriteLine(F($"  {d.Rule,-40} label {(d.Label is { } l ? l.ToString(CultureInfo.InvariantCulture) : "all"),-4} Dice {N(d.DiceBefore)} → {N(d.DiceAfter)}  {(d.Adopted ? "adopted" : "rejected")}"));
        if (f.Postprocessing.Count == 0)
            o.WriteLine("  (no rule tried)");
        o.WriteLine();
        o.WriteLine("Test set: mean single fold's Dice vs the ensemble's");
        o.WriteLine(F($"  {"label",-10} {"single fold",11} {"ensemble",8} {"gain",7}"));
        foreach (var g in f.SingleFoldVersusEnsemble)
            o.WriteLine(F($"  {g.Name,-10} {N(g.MeanSingleFoldDice),11} {N(g.EnsembleDice),8} {N(g.EnsembleDice - g.MeanSingleFoldDice, "+0.000;-0.000"),7}"));
        o.WriteLine();
        o.WriteLine("Wall time");
        foreach (var s in f.Stages)
            o.WriteLine(F($"  {s.Stage,-28} {s.Seconds,8:F1} s"));
        o.WriteLine(F($"  {"total",-28} {f.TotalSeconds,8:F1} s ({f.TotalSeconds / 60:F1} min)"));
        o.WriteLine(F($"Machine: {f.Machine}"));
        o.WriteLine(F($"Budget: {f.Budget}"));
    }

    public static void WriteJson(string path, QualityFigures figures) =>
        File.WriteAllText(path, JsonSerializer.Serialize(figures, Json));

    private static string N(double value, string format = "F3") =>
        double.IsNaN(value) ? "-" : double.IsPositiveInfinity(value) ? "inf" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
