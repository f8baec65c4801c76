using System.Globalization;

namespace Platform.WebUI.Components.Runs;

/// <summary>
/// Maps data to the pixels of a <see cref="LineChart"/>'s view box: one shared x and y range over all series, the
/// smallest x on the left edge of the plot area and the largest y on its top edge. Pure, so charts are deterministic.
/// </summary>
public sealed class LineChartLayout
{
    public const double Width = 600, Height = 240;
    public const double Left = 56, Right = 12, Top = 12, Bottom = 28;

    public double MinX { get; }
    public double MaxX { get; }
    public double MinY { get; }
    public double MaxY { get; }

    public LineChartLayout(IEnumerable<LineSeries> series)
    {
        var points = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        (MinX, MaxX) = points.Count == 0 ? (0, 1) : (points.Min(p => p.X), points.Max(p => p.X));
        (MinY, MaxY) = points.Count == 0 ? (0, 1) : (points.Min(p => p.Y), points.Max(p => p.Y));
        if (MinY == MaxY)
        {
            // A flat line sits in the middle of a range around its value rather than on an edge.
            var pad = MinY == 0 ? 1 : Math.Abs(MinY) * 0.1;
            (MinY, MaxY) = (MinY - pad, MaxY + pad);
        }
    }

    public double PixelX(double x) => MaxX == MinX
        ? Left + (Width - Left - Right) / 2
        : Left + (x - MinX) / (MaxX - MinX) * (Width - Left - Right);

    public double PixelY(double y) => Top + (MaxY - y) / (MaxY - MinY) * (Height - Top - Bottom);

    /// <summary>The SVG <c>points</c> attribute of a series: "x,y" pairs in pixels, non-finite values left out.</summary>
    public string PolylinePoints(LineSeries series) => string.Join(' ',
        Finite(series).Select(p => $"{Format(PixelX(p.X))},{Format(PixelY(p.Y))}"));

    public static IEnumerable<ChartPoint> Finite(LineSeries series) => series.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y));

    public static string Format(double pixel) => pixel.ToString("0.#", CultureInfo.InvariantCulture);
}
