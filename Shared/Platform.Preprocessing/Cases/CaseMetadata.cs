namespace Platform.Preprocessing.Cases;

/// <summary>
/// Everything needed to map a prediction in preprocessed space back to the original voxel grid (Asparagus'
/// per-case properties plus nnU-Net's bbox), and to tell what was done to the voxels. Serialises with
/// <see cref="CaseMetadataJson"/>.
/// </summary>
public sealed record CaseMetadata(
    GridGeometry Original,
    string OriginalOrientation,
    string TargetOrientation,
    AxisReorientation Reorientation,
    GridGeometry Reoriented,
    VoxelBox CropBox,
    GridGeometry Cropped,
    double[] TargetSpacing,
    GridGeometry Final,
    CaseMode Mode,
    LabelRemap? Remapping,
    IReadOnlyList<AppliedNormalization> Normalization)
{
    /// <summary>remapping_lbd as applied (lbd mode only).</summary>
    public LabelRemap? LbdRemapping { get; init; }

    /// <summary>remapping_imported as applied to the imported label map (unlisted labels became 0).</summary>
    public LabelRemap? ImportedRemapping { get; init; }

    /// <summary>Whether the case had an imported label map, and whether it was merged into the label.</summary>
    public bool HadImportedLabels { get; init; }

    public bool MergedImportedLabels { get; init; }
}
