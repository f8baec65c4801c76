using Platform.Imaging.Volumes;

namespace Platform.Training.Data;

/// <summary>
/// A case held as preprocessed channel volumes in memory (an unseen image just preprocessed for prediction), read as a
/// stored case is: patches padded with 0 outside the case. It has no label map.
/// </summary>
public sealed class VolumeTrainingCase : ITrainingCase
{
    private readonly IReadOnlyList<Volume<float>> channels;

    /// <exception cref="ArgumentException">No channel, or channels of different shapes.</exception>
    public VolumeTrainingCase(string caseId, IReadOnlyList<Volume<float>> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0)
            throw new ArgumentException($"Case '{caseId}' has no channel.", nameof(channels));
        if (channels.Any(c => c.Shape != channels[0].Shape))
            throw new ArgumentException($"Case '{caseId}': its channels differ in shape ({string.Join(", ", channels.Select(c => c.Shape))}).", nameof(channels));
        CaseId = caseId;
        this.channels = channels;
    }

    public string CaseId { get; }

    public Shape3 Shape => channels[0].Shape;

    public int Channels => channels.Count;

    public IReadOnlyDictionary<int, VoxelIndex[]> ForegroundLocations { get; } = new Dictionary<int, VoxelIndex[]>();

    public void ReadImagePatch(Span<float> destination, VoxelIndex start, Shape3 size)
    {
        int perChannel = checked((int)size.VoxelCount);
        for (int c = 0; c < channels.Count; c++)
            CopyRows(channels[c].Data, destination.Slice(c * perChannel, perChannel), start, size);
    }

    public void ReadLabelPatch(Span<byte> destination, VoxelIndex start, Shape3 size) => destination.Clear();

    /// <summary>Copies the patch row by row (x runs are contiguous in both), zero outside the case.</summary>
    private void CopyRows(float[] source, Span<float> destination, VoxelIndex start, Shape3 size)
    {
        destination.Clear();
        var shape = Shape;
        int x0 = Math.Max(0, start.X), x1 = Math.Min(shape.X, start.X + size.X);
        if (x1 <= x0)
            return;
        for (int z = 0; z < size.Z; z++)
        {
            int sz = start.Z + z;
            if ((uint)sz >= (uint)shape.Z)
                continue;
            for (int y = 0; y < size.Y; y++)
            {
                int sy = start.Y + y;
                if ((uint)sy >= (uint)shape.Y)
                    continue;
                source.AsSpan(x0 + shape.X * (sy + shape.Y * sz), x1 - x0)
                    .CopyTo(destination.Slice((x0 - start.X) + size.X * (y + size.Y * z), x1 - x0));
            }
        }
    }
}
