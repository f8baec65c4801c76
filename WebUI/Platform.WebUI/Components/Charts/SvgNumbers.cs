using System.Globalization;

namespace Platform.WebUI.Components.Charts;

/// <summary>Numbers written into SVG attributes: always invariant (a German browser locale must not turn 12.5 into "12,5").</summary>
public static class SvgNumbers
{
    public static string Of(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
