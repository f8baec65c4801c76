using Platform.Imaging.Volumes;

namespace Platform.Training.Data;

/// <summary>
/// One preprocessed case as the batch loader sees it: patch reads with padding outside the case, and the foreground
/// locations sampled at preprocessing time (for foreground oversampling). <see cref="PreprocessedTrainingCase"/>
/// adapts the preprocessed store; tests use in-memory cases. Reads must be safe to call from several threads at once.
/// </summary>
public interface ITrainingCase
{
    string CaseId { get; }

    /// <summary>Voxels along x, y, z.</summary>
    Shape3 Shape { get; }

    int Channels { get; }

    /// <summary>
    /// Per class, stored voxel positions (x, y, z) of that class. Background (0) is ignored if present; a class with no
    /// locations is never chosen for a foreground sample.
    /// </summary>
    IReadOnlyDictionary<int, VoxelIndex[]> ForegroundLocations { get; }

    /// <summary>
    /// The foreground labels (1 and above) the case's label map holds, known without reading it: what tells an empty
    /// label map (FRAN's nnz) and which classes a centre can be searched for when no locations are held in memory.
    /// By default the classes with stored locations.
    /// </summary>
    IReadOnlyCollection<int> ForegroundLabels =>
        [.. ForegroundLocations.Where(p => p.Key > 0 && p.Value is { Length: > 0 }).Select(p => p.Key)];

    /// <summary>
    /// Reads all channels of the patch at <paramref name="start"/> (may lie partly or wholly outside the case) into
    /// <paramref name="destination"/>, channel-major then z, y, x (x fastest); voxels outside the case are 0.
    /// </summary>
    void ReadImagePatch(Span<float> destination, VoxelIndex start, Shape3 size);

    /// <summary>Reads the label patch (z, y, x; x fastest); voxels outside the case are 0.</summary>
    void ReadLabelPatch(Span<byte> destination, VoxelIndex start, Shape3 size);
}
