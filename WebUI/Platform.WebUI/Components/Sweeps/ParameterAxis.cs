using Platform.Grains.Abstractions.Sweeps;

namespace Platform.WebUI.Components.Sweeps;

/// <summary>
/// Where a value of one searched parameter lies along a chart axis, as a fraction 0–1: linear over a uniform range,
/// logarithmic over a log-uniform one (so 1e-4, 1e-3, 1e-2 are evenly spaced), and evenly spaced categories for choices.
/// </summary>
public sealed class ParameterAxis
{
    private readonly SweepParameter _parameter;
    private readonly List<string> _categories;

    public ParameterAxis(SweepParameter parameter, IEnumerable<string> observed)
    {
        _parameter = parameter;
        // Choices as declared, then any value a trial holds that the declaration lacks (so every trial gets a place).
        _categories = parameter.Kind == SweepParameterKind.Choice
            ? (parameter.Choices ?? []).Concat(observed).Distinct(StringComparer.Ordinal).ToList()
            : [];
    }

    public string Path => _parameter.Path;

    public bool IsLog => _parameter.Kind == SweepParameterKind.LogUniform;

    /// <summary>The value's fraction along the axis; null when it cannot be placed (text on a numeric axis, ≤ 0 on a log axis).</summary>
    public double? Fraction(string? json)
    {
        if (json is null)
            return null;
        if (_parameter.Kind == SweepParameterKind.Choice)
        {
            var index = _categories.IndexOf(json);
            return index < 0 ? null : (index + 0.5) / _categories.Count;
        }

        if (SweepValues.Number(json) is not { } value)
            return null;
        if (IsLog)
        {
            if (value <= 0 || _parameter.Min <= 0 || _parameter.Max <= _parameter.Min)
                return null;
            return (Math.Log(value) - Math.Log(_parameter.Min)) / (Math.Log(_parameter.Max) - Math.Log(_parameter.Min));
        }

        return _parameter.Max > _parameter.Min ? (value - _parameter.Min) / (_parameter.Max - _parameter.Min) : 0.5;
    }

    /// <summary>Labelled positions: every category, or the range's ends and middle (geometric middle on a log axis).</summary>
    public IReadOnlyList<(double Fraction, string Label)> Ticks()
    {
        if (_parameter.Kind == SweepParameterKind.Choice)
            return _categories.Select((c, i) => ((i + 0.5) / _categories.Count, SweepValues.Display(c))).ToList();
        var middle = IsLog && _parameter.Min > 0 ? Math.Sqrt(_parameter.Min * _parameter.Max) : (_parameter.Min + _parameter.Max) / 2;
        return [(0, Label(_parameter.Min)), (0.5, Label(middle)), (1, Label(_parameter.Max))];
    }

    private static string Label(double value) => value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The metric's axis: the observed range (padded when every trial scored the same), higher at the top.</summary>
public sealed class MetricAxis
{
    public MetricAxis(IEnumerable<double?> metrics)
    {
        var values = metrics.OfType<double>().Where(double.IsFinite).ToList();
        (Min, Max) = values.Count == 0 ? (0, 1) : (values.Min(), values.Max());
        if (Max - Min < 1e-9)
            (Min, Max) = (Min - 0.05, Max + 0.05);
    }

    public double Min { get; }

    public double Max { get; }

    public double? Fraction(double? metric) => metric is { } m && double.IsFinite(m) ? (m - Min) / (Max - Min) : null;

    public IReadOnlyList<(double Fraction, string Label)> Ticks() =>
        [(0, Label(Min)), (0.5, Label((Min + Max) / 2)), (1, Label(Max))];

    private static string Label(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
