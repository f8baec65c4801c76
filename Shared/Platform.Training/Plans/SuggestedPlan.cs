using System.Globalization;
using Platform.Plans;
using Platform.Preprocessing.Fingerprint;
using Platform.Preprocessing.Planning;

namespace Platform.Training.Plans;

/// <summary>An auto-configured plan written into a plan document: nnU-Net's defaults, with the decisions taken from the fingerprint.</summary>
public static class SuggestedPlan
{
    /// <summary>
    /// Foreground intensities reaching below this are read as CT (Hounsfield units: air and fat are negative),
    /// so the channel gets CT normalisation. nnU-Net decides from the channel's name; our datasources do not
    /// always carry one, so the intensities decide, and the note says so.
    /// </summary>
    public const double CtLowerPercentileBelow = -200;

    public static (PlanSettings Settings, IReadOnlyList<string> Notes) From(AutoPlan auto, ProjectFingerprint fingerprint, IReadOnlyList<string> datasources, int maxFeatures)
    {
        var notes = auto.Notes.ToList();
        var normalization = fingerprint.Channels.Select(channel =>
        {
            var ct = channel.Percentile00_5 < CtLowerPercentileBelow;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"channel {channel.Channel}: foreground 0.5th percentile {channel.Percentile00_5:0.#} → {(ct ? "CT normalisation (clip to the dataset's 0.5-99.5 percentiles, z-score with its foreground mean and std)" : "per-case z-score")}"));
            return ct ? NormalizationScheme.CT : NormalizationScheme.ZScore;
        }).ToList();

        var defaults = PlanSettings.Default;
        var settings = defaults with
        {
            Data = defaults.Data with { Datasources = datasources },
            Preprocessing = defaults.Preprocessing with
            {
                Spacing = [auto.TargetSpacing.X, auto.TargetSpacing.Y, auto.TargetSpacing.Z],
                Normalization = normalization.Count > 0 ? normalization : [NormalizationScheme.ZScore],
            },
            Network = defaults.Network with
            {
                Dimensions = (int)auto.Dimensions,
                PatchSize = auto.PatchSize,
                BatchSize = auto.BatchSize,
                BaseFeatures = auto.Stages[0].Features,
                MaxFeatures = maxFeatures,
                ConvolutionsPerStage = auto.Stages[0].Convolutions,
                Stages = auto.Stages.Select(s => new PlanStage(s.Features, s.KernelSize, s.Stride)).ToList(),
            },
        };
        return (settings, notes);
    }
}
