using Platform.Imaging.Resampling;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Cases;

/// <summary>FRAN's preprocessing modes that change a single case (patch mode works on a source plan's output).</summary>
public enum CaseMode
{
    /// <summary>Reorient, crop to the nonzero region, remap, resample to the target spacing, normalise.</summary>
    Source,

    /// <summary>
    /// As source, but the crop is the foreground box plus a margin, at least one patch in size: the box of the
    /// imported label map when the case has one, else of the label.
    /// </summary>
    Lbd,

    /// <summary>As source, but resampled to exactly the patch shape (the spacing follows from the extent).</summary>
    Whole,
}

/// <summary>
/// Label remapping applied at source level: <paramref name="Map"/> sends labels to new values; labels not in
/// it keep their value unless <paramref name="UnmappedTo"/> is given (FRAN's remapping_imported sends them to 0).
/// </summary>
public sealed record LabelRemap(IReadOnlyDictionary<int, int> Map, int? UnmappedTo = null);

/// <summary>
/// What the per-case pipeline needs from a plan, as one plain record (the plan document lives elsewhere).
/// Spacing and patch size are in the target orientation's axis order (x, y, z).
/// </summary>
public sealed record CasePreprocessingSettings
{
    public string TargetOrientation { get; init; } = "RAS";

    /// <summary>Millimetres per voxel after resampling; ignored in <see cref="CaseMode.Whole"/>.</summary>
    public required Vector3D TargetSpacing { get; init; }

    public bool CropToNonzero { get; init; } = true;

    /// <summary>One entry per channel, in channel order.</summary>
    public required IReadOnlyList<ChannelNormalization> Normalization { get; init; }

    /// <summary>FRAN's remapping_source: applied to the label first, in every mode.</summary>
    public LabelRemap? Remapping { get; init; }

    /// <summary>FRAN's remapping_lbd: applied to the label after <see cref="Remapping"/>, in lbd mode only.</summary>
    public LabelRemap? LbdRemapping { get; init; }

    /// <summary>
    /// FRAN's remapping_imported: applied to the imported label map; labels it does not list become 0 (its
    /// <see cref="LabelRemap.UnmappedTo"/> is ignored). Null keeps the imported labels as they are.
    /// </summary>
    public LabelRemap? ImportedRemapping { get; init; }

    /// <summary>
    /// FRAN's merge_imported_labels: the (remapped) imported foreground is written into the label map where the
    /// label is background; the label's own foreground always wins. Without a label map the imported map becomes it.
    /// </summary>
    public bool MergeImportedLabels { get; init; }

    public CaseMode Mode { get; init; } = CaseMode.Source;

    /// <summary>Lbd margin around the foreground box, in millimetres.</summary>
    public double ExpandByMm { get; init; }

    /// <summary>Patch size in voxels at the target spacing: the lbd minimum crop and the whole-mode output shape.</summary>
    public Shape3? PatchSize { get; init; }

    /// <summary>Linear (default) or cubic; the coarse axis of anisotropic data stays nearest (nnU-Net).</summary>
    public Interpolation ImageInterpolation { get; init; } = Interpolation.Linear;

    public LabelInterpolation LabelInterpolation { get; init; } = LabelInterpolation.Nearest;

    /// <summary>Most foreground locations kept per class (nnU-Net keeps 10,000).</summary>
    public int ForegroundCap { get; init; } = Platform.Imaging.Labels.ForegroundSampler.DefaultMaxPerLabel;

    public int ForegroundSeed { get; init; } = 1234;

    /// <summary>Checks the settings against a case once, before any voxel is touched.</summary>
    public void Validate(int channelCount)
    {
        if (channelCount < 1)
            throw new ArgumentException("A case needs at least one channel.", nameof(channelCount));
        if (Normalization.Count != channelCount)
            throw new ArgumentException($"{Normalization.Count} normalisation entries for {channelCount} channels.", nameof(channelCount));
        _ = Platform.Imaging.Geometry.Orientation.Normalize(TargetOrientation);
        if (Mode != CaseMode.Whole && (!TargetSpacing.IsFinite || TargetSpacing.X <= 0 || TargetSpacing.Y <= 0 || TargetSpacing.Z <= 0))
            throw new ArgumentException($"Target spacing {TargetSpacing} must be positive.", nameof(channelCount));
        if (Mode != CaseMode.Source && (PatchSize is not { } p || p.IsEmpty))
            throw new ArgumentException($"Mode {Mode} needs a positive patch size.", nameof(channelCount));
        if (ExpandByMm < 0 || !double.IsFinite(ExpandByMm))
            throw new ArgumentException($"expand_by {ExpandByMm} mm must be a finite, non-negative number.", nameof(channelCount));
        if (ImageInterpolation == Interpolation.Nearest)
            throw new ArgumentException("Images are interpolated linearly or cubically.", nameof(channelCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(ForegroundCap, 1);
    }
}
