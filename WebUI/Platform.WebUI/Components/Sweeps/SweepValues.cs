using System.Globalization;
using System.Text.Json;
using Platform.Grains.Abstractions.Sweeps;

namespace Platform.WebUI.Components.Sweeps;

/// <summary>Reading a trial's sampled values (JSON text by plan field path) and its progress for tables and charts.</summary>
public static class SweepValues
{
    /// <summary>The value as a number when it is one ("0.01" → 0.01); null for text, lists and missing values.</summary>
    public static double? Number(string? json) =>
        double.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    /// <summary>Short display text: numbers with 4 significant digits, JSON strings without quotes, anything else as written.</summary>
    public static string Display(string? json)
    {
        if (json is null)
            return "–";
        if (Number(json) is { } number)
            return number.ToString("G4", CultureInfo.InvariantCulture);
        if (json.StartsWith('"'))
        {
            try
            {
                return JsonSerializer.Deserialize<string>(json) ?? json;
            }
            catch (JsonException)
            {
                return json;
            }
        }

        return json;
    }

    public static string? ValueOf(SweepTrial trial, string path) => trial.Parameters.TryGetValue(path, out var value) ? value : null;

    /// <summary>How many ASHA rungs the trial has passed (rungs at or below the epochs it reached).</summary>
    public static int RungsReached(SweepTrial trial, IReadOnlyList<int> rungEpochs) => rungEpochs.Count(r => r <= trial.EpochsReached);

    public static string RungText(SweepTrial trial, IReadOnlyList<int> rungEpochs)
    {
        if (trial.State == TrialState.Completed)
            return $"full budget ({trial.EpochsReached} epochs)";
        var rungs = RungsReached(trial, rungEpochs);
        return rungs == 0 ? $"none ({trial.EpochsReached} epochs)" : $"rung {rungs} ({rungEpochs[rungs - 1]} epochs)";
    }

    /// <summary>The last segment of a field path, for narrow column headers ("training.learningRate" → "learningRate").</summary>
    public static string ShortName(string path) => path[(path.LastIndexOf('.') + 1)..];

    public static string Metric(double? metric) => metric is { } m ? m.ToString("0.0000", CultureInfo.InvariantCulture) : "–";
}
