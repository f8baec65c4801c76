using System.Globalization;

namespace Platform.WebUI.Components.Results;

/// <summary>
/// Where a Dice box plot puts things, in SVG user units. Dice lies in [0, 1], so the axis is fixed and plots of
/// different labels, folds and runs compare by eye. Boxes sit in equal slots from left to right.
/// </summary>
public static class BoxPlotGeometry
{
    public const double AxisWidth = 40;
    public const double SlotWidth = 64;
    public const double BoxWidth = 28;
    public const double PlotTop = 12;
    public const double PlotHeight = 160;
    public const double CaptionHeight = 34;

    public static double Height => PlotTop + PlotHeight + CaptionHeight;

    public static double Width(int boxes) => AxisWidth + SlotWidth * Math.Max(boxes, 1) + 8;

    /// <summary>The vertical position of a Dice value (1 at the top).</summary>
    public static double Y(double dice) => PlotTop + (1 - Math.Clamp(dice, 0, 1)) * PlotHeight;

    /// <summary>The horizontal centre of box <paramref name="index"/>.</summary>
    public static double CenterX(int index) => AxisWidth + SlotWidth * (index + 0.5);

    /// <summary>Coordinates as SVG attributes: invariant culture, two decimals.</summary>
    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
