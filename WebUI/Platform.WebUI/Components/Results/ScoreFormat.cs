using System.Globalization;

namespace Platform.WebUI.Components.Results;

/// <summary>
/// How scores read on screen: three decimals; NaN (both sides empty) spelled out; ∞ for an infinite distance (one
/// side empty); a dash where nothing was scored.
/// </summary>
public static class ScoreFormat
{
    public static string Value(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "∞" : value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A difference with its sign, so gains and losses read at a glance.</summary>
    public static string Difference(double value) => double.IsNaN(value) ? "—" : value.ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture);

    public static string Cell(ScoreCell? cell, bool difference) => cell is null ? "—" : difference ? Difference(cell.Value) : Value(cell.Value);
}
