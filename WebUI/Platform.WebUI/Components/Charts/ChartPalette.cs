namespace Platform.WebUI.Components.Charts;

/// <summary>
/// The one palette of every chart: Okabe–Ito, readable with the common colour blindnesses and on light and dark
/// backgrounds. The same index gets the same colour in every chart of a page (run A, fold 0, label 1 …); indices
/// beyond the palette wrap around.
/// </summary>
public static class ChartPalette
{
    private static readonly string[] Colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    /// <summary>Neutral grey for totals and context (all validation cases, trials without a result).</summary>
    public const string Neutral = "#9E9E9E";

    /// <summary>The first <paramref name="count"/> colours in order, after <paramref name="first"/> when given (for MudChart's palette).</summary>
    public static string[] Sequence(int count, string? first = null) =>
        [.. (first is null ? [] : new[] { first }), .. Enumerable.Range(0, Math.Max(0, count - (first is null ? 0 : 1))).Select(Colour)];

    public static string Colour(int index) => Colours[((index % Colours.Length) + Colours.Length) % Colours.Length];
}
