using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;

namespace Platform.Preprocessing.Datasets;

/// <summary>
/// What is stored about a case beside its arrays (inside the storage format's metadata JSON, so it commits with
/// the case): the metadata for the way back, foreground locations per class for oversampling, statistics for the
/// dataset summary, where the native-space label lies, and for patch cases where the patch came from.
/// Read it with <see cref="PreprocessedCaseRecords"/>.
/// </summary>
/// <param name="CaseId">The stored case id.</param>
/// <param name="Metadata">The source case's pipeline metadata (for a patch: of the case it was cut from).</param>
/// <param name="Foreground">Per class, flat voxel indices (x fastest) into the stored grid, ascending, at most the cap.</param>
/// <param name="Statistics">Numbers the dataset summary is built from.</param>
/// <param name="NativeLabelFile">The remapped, unresampled label in the original geometry, relative to the output folder; null if none.</param>
/// <param name="Patch">For patch-mode cases: the source case and the patch's place in it; null otherwise.</param>
public sealed record PreprocessedCaseRecord(
    string CaseId,
    CaseMetadata Metadata,
    IReadOnlyDictionary<int, int[]> Foreground,
    StoredCaseStatistics Statistics,
    string? NativeLabelFile,
    PatchOrigin? Patch = null)
{
    /// <summary>The foreground locations as (x, y, z) voxel indices of a stored grid of <paramref name="shape"/>.</summary>
    public IReadOnlyDictionary<int, VoxelIndex[]> ForegroundLocations(Shape3 shape)
    {
        var plane = shape.X * shape.Y;
        return Foreground.ToDictionary(p => p.Key, p => Array.ConvertAll(p.Value, i => new VoxelIndex(i % shape.X, i / shape.X % shape.Y, i / plane)));
    }
}

/// <summary>
/// Per-case numbers for the dataset summary: the stored shape, the original spacing (target axis order), each
/// channel's moments after normalisation, and the voxel count of each nonzero label in the stored label map.
/// </summary>
public sealed record StoredCaseStatistics(
    int[] Shape,
    double[] OriginalSpacing,
    IReadOnlyList<ChannelMoments> Channels,
    IReadOnlyDictionary<int, long> LabelVoxels,
    long InputBytes);

/// <summary>Count, mean, population standard deviation, minimum and maximum of one channel's stored voxels.</summary>
public sealed record ChannelMoments(long Count, double Mean, double StandardDeviation, double Min, double Max);

/// <summary>Where a patch-mode case was cut from: the source case id, its first voxel (x, y, z) and its size in the source's stored grid.</summary>
public sealed record PatchOrigin(string SourceCaseId, int[] Start, int[] Size);
