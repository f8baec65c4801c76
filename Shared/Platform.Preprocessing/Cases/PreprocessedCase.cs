using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Cases;

/// <summary>
/// One case ready for training: normalised float32 channels and byte labels on the same (final) grid,
/// foreground locations per class for oversampling, and the metadata for the way back.
/// </summary>
public sealed record PreprocessedCase(
    IReadOnlyList<Volume<float>> Channels,
    Volume<byte>? Label,
    IReadOnlyDictionary<int, VoxelIndex[]> ForegroundLocations,
    CaseMetadata Metadata)
{
    /// <summary>
    /// The label after every remapping level (and the merge), in the original geometry, not resampled: the
    /// reference for native-space metrics. Null when the case has no label.
    /// </summary>
    public Volume<byte>? NativeLabel { get; init; }
}
