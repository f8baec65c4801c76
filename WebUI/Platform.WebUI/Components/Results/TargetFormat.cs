using System.Globalization;

namespace Platform.WebUI.Components.Results;

/// <summary>Values in a regression table's own units (an age, a volume): four significant digits, not the three decimals of a score.</summary>
public static class TargetFormat
{
    public static string Value(double value) => double.IsNaN(value) ? "NaN" : value.ToString("G4", CultureInfo.InvariantCulture);
}
