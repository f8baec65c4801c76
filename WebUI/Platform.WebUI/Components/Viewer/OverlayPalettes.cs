using System.Globalization;

namespace Platform.WebUI.Components.Viewer;

/// <summary>
/// The viewer's colours, in one place: viewer.js paints the overlays and the crosshair with them, and the label legend
/// shows the same swatches. Reference labels are calm greens and blues, predictions warm reds and magentas, so the two
/// read apart where they overlap; the crosshair is white, which neither palette has, so it never reads as an overlay.
/// </summary>
public static class OverlayPalettes
{
    /// <summary>RGB (0–255) of reference labels 1, 2, …, repeating past the end.</summary>
    public static IReadOnlyList<int[]> Reference { get; } =
        [[46, 204, 113], [52, 152, 219], [26, 188, 156], [155, 89, 182], [241, 196, 15], [149, 165, 166]];

    /// <summary>RGB (0–255) of predicted labels 1, 2, …, repeating past the end.</summary>
    public static IReadOnlyList<int[]> Prediction { get; } =
        [[231, 76, 60], [255, 0, 200], [255, 140, 0], [255, 235, 59], [233, 30, 99], [121, 85, 72]];

    /// <summary>RGBA (0–1) of the crosshair, as NiiVue takes it.</summary>
    public static IReadOnlyList<double> Crosshair { get; } = [1, 1, 1, 1];

    /// <summary>The CSS colour of <paramref name="label"/> (≥ 1) in <paramref name="palette"/>, as viewer.js picks it.</summary>
    public static string Css(IReadOnlyList<int[]> palette, int label)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(label, 1);
        var colour = palette[(label - 1) % palette.Count];
        return string.Create(CultureInfo.InvariantCulture, $"rgb({colour[0]}, {colour[1]}, {colour[2]})");
    }
}
