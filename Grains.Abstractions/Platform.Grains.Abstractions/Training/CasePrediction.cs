namespace Platform.Grains.Abstractions.Training;

/// <summary>
/// A run's predicted label map of one validation case, in the case's native space, as the NIfTI file the
/// evaluation wrote (gzip-compressed bytes; label maps compress to a small fraction of their voxels).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.CasePrediction")]
public sealed record CasePrediction(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string FileName,
    [property: Id(2)] byte[] Content)
{
    /// <summary>
    /// The most a prediction may weigh on the wire. A 512×512×600 label map is about 150 MiB of voxels but rarely
    /// more than a few MiB compressed; a file past this is not a label map the viewer should load through the cluster.
    /// </summary>
    public const long MaxBytes = 48L << 20;
}
