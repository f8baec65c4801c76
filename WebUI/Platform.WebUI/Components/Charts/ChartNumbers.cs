using System.Globalization;

namespace Platform.WebUI.Components.Charts;

/// <summary>
/// How numbers read in charts. Plotly formats hover labels and ticks itself with d3-format strings (the constants);
/// text we write ourselves (hover text, the screen-reader summary) uses <see cref="Text"/>, always invariant so a
/// German browser locale never turns 12.5 into "12,5".
/// </summary>
public static class ChartNumbers
{
    /// <summary>Dice and other scores in [0, 1]: three decimals, as the result tables show them.</summary>
    public const string Score = ".3f";

    /// <summary>Losses, seconds, millimetres, voxels: four significant digits without trailing zeros.</summary>
    public const string General = ".4~g";

    /// <summary>Learning rates: tiny, so scientific notation (1.2e-3).</summary>
    public const string Rate = ".3~e";

    /// <summary>A number written by us: four significant digits (0.01 → "0.01", 1234.56 → "1235", 1e-5 → "1E-05").</summary>
    public static string Text(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsInfinity(value) ? (value > 0 ? "∞" : "−∞") : value.ToString("G4", CultureInfo.InvariantCulture);
}
