using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Cases;

/// <summary>A voxel position in preprocessed space.</summary>
public readonly record struct VoxelIndex(int X, int Y, int Z);

/// <summary>
/// One case ready for training: normalised float32 channels and byte labels on the same (final) grid,
/// foreground locations per class for oversampling, and the metadata for the way back.
/// </summary>
public sealed record PreprocessedCase(
    IReadOnlyList<Volume<float>> Channels,
    Volume<byte>? Label,
    IReadOnlyDictionary<int, VoxelIndex[]> ForegroundLocations,
    CaseMetadata Metadata);
