using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;
using Platform.Training.Inference;
using PlanNormalization = Platform.Grains.Abstractions.Plans.NormalizationScheme;

namespace Platform.Cli.Engine;

/// <summary>
/// How new images are predicted with a plan's model: the plan's per-case preprocessing (as the silos apply it for
/// training), a sliding window of the plan's patch, and label maps written as NIfTI in each input's geometry.
/// CT normalisation takes the project's foreground intensity statistics from its fingerprint.
/// </summary>
public static class PlanPredictorSettings
{
    public static PredictorSettings From(PlanSettings plan, FingerprintSummary? fingerprint, bool mirror)
    {
        var p = plan.Preprocessing;
        if (p.Spacing.Count != 3)
            throw new PlatformValidationException("preprocessing.spacing", "The plan's target spacing needs three values (x, y, z).");
        var mode = p.Mode switch
        {
            PreprocessingMode.Lbd => CaseMode.Lbd,
            PreprocessingMode.Whole => CaseMode.Whole,
            PreprocessingMode.Patch => throw new PlatformValidationException("preprocessing.mode", "A patch-mode plan has no model of its own; predict with its source plan's run."),
            _ => CaseMode.Source,
        };
        var patch = Patch(plan);
        return new PredictorSettings
        {
            Preprocessing = new CasePreprocessingSettings
            {
                TargetOrientation = p.Orientation,
                TargetSpacing = new Vector3D(p.Spacing[0], p.Spacing[1], p.Spacing[2]),
                Normalization = [.. p.Normalization.Select((scheme, channel) => Normalization(scheme, channel, fingerprint))],
                Mode = mode,
                ExpandByMm = p.ExpandByMm,
                PatchSize = patch,
                Remapping = Remap(mode == CaseMode.Whole && p.RemappingWhole is not null ? p.RemappingWhole : p.RemappingSource),
                LbdRemapping = Remap(p.RemappingLbd),
            },
            SlidingWindow = new SlidingWindowSettings { PatchSize = patch, MirrorAxes = mirror ? SlidingWindowSettings.AllAxes : [] },
        };
    }

    private static Shape3 Patch(PlanSettings plan) => plan.Network.PatchSize switch
    {
        [var x, var y, var z] => new Shape3(x, y, z),
        [var x, var y] => new Shape3(x, y, 1),
        _ => throw new PlatformValidationException("network.patchSize", "The plan's patch size has two or three entries."),
    };

    private static ChannelNormalization Normalization(PlanNormalization scheme, int channel, FingerprintSummary? fingerprint) => scheme switch
    {
        PlanNormalization.None => ChannelNormalization.None,
        PlanNormalization.CT => fingerprint?.Channels.FirstOrDefault(c => c.Channel == channel) is { } stats
            ? ChannelNormalization.Ct(stats.Percentile00_5, stats.Percentile99_5, stats.Mean, stats.StandardDeviation)
            : throw new PlatformValidationException("preprocessing.normalization", $"Channel {channel} is CT-normalised but the project's fingerprint has no intensities for it."),
        _ => ChannelNormalization.ZScore,
    };

    private static LabelRemap? Remap(LabelRemapping? remapping) => remapping is null ? null : new LabelRemap(remapping.Map, remapping.UnmappedTo);
}
