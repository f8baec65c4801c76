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
    IReadOnlyList<AppliedNormalization> Normalization);
