using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Sweeps;

namespace Platform.Grains.Sweeps;

/// <summary>
/// Draws a trial's parameter values. Each trial has its own generator seeded from (sweep seed, trial number), so a
/// trial's values do not depend on how many trials were drawn before it or in which order: a sweep is reproducible.
/// Values are JSON text, ready to lay over the plan document.
/// </summary>
public static class SweepSampler
{
    public static IReadOnlyDictionary<string, string> Sample(IReadOnlyList<SweepParameter> parameters, int sweepSeed, int trialNumber)
    {
        Validate(parameters);
        var random = new Random(unchecked((sweepSeed * 1_000_003) ^ (trialNumber * 7_919)));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
            values[parameter.Path] = Draw(parameter, random);
        return values;
    }

    /// <exception cref="PlatformValidationException">A parameter is malformed (names which and what is wrong).</exception>
    public static void Validate(IReadOnlyList<SweepParameter> parameters)
    {
        if (parameters.Count == 0)
            throw new PlatformValidationException("parameters", "A sweep searches at least one parameter.");
        foreach (var p in parameters)
        {
            if (string.IsNullOrWhiteSpace(p.Path))
                throw new PlatformValidationException("parameters", "Every parameter names a plan field path, e.g. 'training.learningRate'.");
            switch (p.Kind)
            {
                case SweepParameterKind.Choice:
                    if (p.Choices is not { Count: > 0 })
                        throw new PlatformValidationException("parameters", $"Parameter '{p.Path}' is a choice but lists no choices.");
                    foreach (var choice in p.Choices)
                        RequireJson(p.Path, choice);
                    break;
                case SweepParameterKind.Uniform:
                    if (!(double.IsFinite(p.Min) && double.IsFinite(p.Max) && p.Min <= p.Max))
                        throw new PlatformValidationException("parameters", $"Parameter '{p.Path}': a uniform range needs finite min <= max (got {p.Min}..{p.Max}).");
                    break;
                case SweepParameterKind.LogUniform:
                    if (!(double.IsFinite(p.Min) && double.IsFinite(p.Max) && p.Min > 0 && p.Min <= p.Max))
                        throw new PlatformValidationException("parameters", $"Parameter '{p.Path}': a log-uniform range needs 0 < min <= max (got {p.Min}..{p.Max}).");
                    break;
                default:
                    throw new PlatformValidationException("parameters", $"Parameter '{p.Path}' has unknown kind {p.Kind}.");
            }
        }

        var repeated = parameters.GroupBy(p => p.Path, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new PlatformValidationException("parameters", $"Parameter '{repeated.Key}' is listed twice.");
    }

    private static string Draw(SweepParameter p, Random random)
    {
        if (p.Kind == SweepParameterKind.Choice)
            return p.Choices![random.Next(p.Choices.Count)];
        var u = random.NextDouble();
        var value = p.Kind == SweepParameterKind.LogUniform
            ? Math.Exp(Math.Log(p.Min) + (u * (Math.Log(p.Max) - Math.Log(p.Min))))
            : p.Min + (u * (p.Max - p.Min));
        value = Math.Clamp(value, p.Min, p.Max); // exp/log round-off must not leave the range
        return p.Integer
            ? ((long)Math.Round(value)).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
    }

    private static void RequireJson(string path, string choice)
    {
        try
        {
            _ = JsonNode.Parse(choice) ?? throw new JsonException("null");
        }
        catch (JsonException)
        {
            throw new PlatformValidationException("parameters", $"Parameter '{path}': choice '{choice}' is not a JSON value (write numbers as 0.01, lists as [96,96,96], text in quotes).");
        }
    }
}
