using System.Globalization;
using Platform.Imaging.Volumes;

namespace Platform.Datasources.Validation;

/// <summary>
/// Compares two grids the way FRAN does (spacing, origin and direction each within an absolute tolerance,
/// 1e-4 by default) plus an exact shape check, and says what differs so the reason is actionable.
/// </summary>
public static class GeometryComparison
{
    public const double DefaultTolerance = 1e-4;

    /// <summary>Null when the grids match; otherwise every difference, e.g. "spacing (1, 1, 2) vs (1, 1, 2.5)".</summary>
    public static string? Differences(VolumeGeometry expected, VolumeGeometry actual, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        var differences = new List<string>();
        if (expected.Shape != actual.Shape)
            differences.Add($"shape {expected.Shape} vs {actual.Shape}");
        if (expected.Spacing.MaxAbsDifference(actual.Spacing) > tolerance)
            differences.Add($"spacing {expected.Spacing} vs {actual.Spacing}");
        if (expected.Origin.MaxAbsDifference(actual.Origin) > tolerance)
            differences.Add($"origin {expected.Origin} vs {actual.Origin}");
        var direction = expected.Direction.MaxAbsDifference(actual.Direction);
        if (direction > tolerance)
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"direction differs by {direction:G3}"));
        return differences.Count == 0
            ? null
            : string.Join("; ", differences) + string.Create(CultureInfo.InvariantCulture, $" (tolerance {tolerance:G3})");
    }
}
