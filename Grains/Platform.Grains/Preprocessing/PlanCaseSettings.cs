using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Fingerprint;
using PlanNormalization = Platform.Grains.Abstractions.Plans.NormalizationScheme;

namespace Platform.Grains.Preprocessing;

/// <summary>
/// A plan's preprocessing section as the per-case pipeline's settings. Plan axes are (x, y, z) in the target
/// orientation, as the pipeline's. The CT scheme needs the project's foreground intensity statistics; those are
/// resolved once when a job starts and kept with the job, so a rescan during a job cannot change its numbers.
/// </summary>
public static class PlanCaseSettings
{
    /// <summary>The per-channel normalisation the plan asks for, with CT statistics from <paramref name="fingerprint"/>.</summary>
    /// <exception cref="PlatformValidationException">A CT channel without statistics in the fingerprint.</exception>
    public static IReadOnlyList<ChannelNormalization> Normalization(PlanSettings plan, ProjectFingerprint? fingerprint)
    {
        var schemes = plan.Preprocessing.Normalization;
        if (schemes.Count == 0)
            throw new PlatformValidationException("preprocessing.normalization", "Give one normalisation scheme per image channel.");
        return schemes.Select((scheme, channel) => scheme switch
        {
            PlanNormalization.CT => CtOf(fingerprint, channel),
            PlanNormalization.None => ChannelNormalization.None,
            _ => ChannelNormalization.ZScore,
        }).ToList();
    }

    public static CasePreprocessingSettings From(PlanSettings plan, IReadOnlyList<ChannelNormalization> normalization)
    {
        var p = plan.Preprocessing;
        if (p.Spacing.Count != 3 || p.Spacing.Any(s => !(s > 0) || !double.IsFinite(s)))
            throw new PlatformValidationException("preprocessing.spacing", "The target spacing needs three positive millimetre values (x, y, z).");
        var mode = p.Mode switch
        {
            PreprocessingMode.Lbd => CaseMode.Lbd,
            PreprocessingMode.Whole => CaseMode.Whole,
            PreprocessingMode.Patch => throw new PlatformValidationException("preprocessing.mode", "Patch mode cuts a source plan's output; it has no per-case settings of its own."),
            _ => CaseMode.Source,
        };
        return new CasePreprocessingSettings
        {
            TargetOrientation = p.Orientation,
            TargetSpacing = new Vector3D(p.Spacing[0], p.Spacing[1], p.Spacing[2]),
            Normalization = normalization,
            Mode = mode,
            ExpandByMm = p.ExpandByMm,
            PatchSize = PatchSize(plan),
            // Whole mode resizes to the patch: FRAN's remapping_whole is that mode's source-level remapping.
            Remapping = Remap(mode == CaseMode.Whole && p.RemappingWhole is not null ? p.RemappingWhole : p.RemappingSource),
            LbdRemapping = Remap(p.RemappingLbd),
            ImportedRemapping = Remap(p.RemappingImported),
            MergeImportedLabels = p.MergeImportedLabels,
        };
    }

    /// <summary>The plan's patch in (x, y, z); a 2D plan's patch (x, y) is one slice thick.</summary>
    public static Shape3 PatchSize(PlanSettings plan)
    {
        var patch = plan.Network.PatchSize;
        return patch.Count switch
        {
            3 => new Shape3(patch[0], patch[1], patch[2]),
            2 => new Shape3(patch[0], patch[1], 1),
            _ => throw new PlatformValidationException("network.patchSize", "The patch size has two (2D) or three (3D) entries."),
        };
    }

    private static LabelRemap? Remap(LabelRemapping? remapping) =>
        remapping is null ? null : new LabelRemap(remapping.Map, remapping.UnmappedTo);

    private static ChannelNormalization CtOf(ProjectFingerprint? fingerprint, int channel)
    {
        var stats = fingerprint?.Channels.FirstOrDefault(c => c.Channel == channel)
            ?? throw new PlatformValidationException("preprocessing.normalization",
                $"Channel {channel} is normalised as CT, but the project's fingerprint has no foreground intensities for it: scan the datasources first.");
        return ChannelNormalization.Ct(stats.Percentile00_5, stats.Percentile99_5, stats.Mean, stats.Std);
    }
}
