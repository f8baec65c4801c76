using Platform.Imaging.Volumes;
using Platform.Training.Data;

namespace Platform.Training.Tests.Data;

/// <summary>
/// A training case held in arrays, with the reader's padding rule (outside the case is 0). Its foreground labels are
/// those of its label array, whatever locations it was given (as a stored case's come from its label counts).
/// </summary>
internal sealed class InMemoryTrainingCase : ITrainingCase
{
    public InMemoryTrainingCase(string caseId, Shape3 shape, float[] image, byte[] label, IReadOnlyDictionary<int, VoxelIndex[]>? locations = null)
    {
        CaseId = caseId;
        Shape = shape;
        Image = image;
        Label = label;
        Channels = image.Length / (int)shape.VoxelCount;
        ForegroundLocations = locations ?? LocationsOf(shape, label);
    }

    public string CaseId { get; }

    public Shape3 Shape { get; }

    public int Channels { get; }

    public float[] Image { get; }

    public byte[] Label { get; }

    public IReadOnlyDictionary<int, VoxelIndex[]> ForegroundLocations { get; }

    public IReadOnlyCollection<int> ForegroundLabels => [.. Label.Where(l => l != 0).Select(l => (int)l).Distinct()];

    /// <summary>When set, image reads throw it (a corrupt case).</summary>
    public Exception? ReadFailure { get; init; }

    /// <summary>A case whose channel c at (x, y, z) is <paramref name="image"/>(c, x, y, z) and label <paramref name="label"/>(x, y, z).</summary>
    public static InMemoryTrainingCase Create(string caseId, Shape3 shape, int channels, Func<int, int, int, int, float> image, Func<int, int, int, byte> label)
    {
        var voxels = (int)shape.VoxelCount;
        var data = new float[channels * voxels];
        var labels = new byte[voxels];
        for (int z = 0, i = 0; z < shape.Z; z++)
            for (var y = 0; y < shape.Y; y++)
                for (var x = 0; x < shape.X; x++, i++)
                {
                    labels[i] = label(x, y, z);
                    for (var c = 0; c < channels; c++)
                        data[(c * voxels) + i] = image(c, x, y, z);
                }
        return new InMemoryTrainingCase(caseId, shape, data, labels);
    }

    /// <summary>When set, image reads wait until it is set (a slow disk).</summary>
    public ManualResetEventSlim? ReadGate { get; init; }

    public void ReadImagePatch(Span<float> destination, VoxelIndex start, Shape3 size)
    {
        ReadGate?.Wait();
        if (ReadFailure is not null)
            throw ReadFailure;
        var patchVoxels = (int)size.VoxelCount;
        for (var c = 0; c < Channels; c++)
            Copy(Image.AsSpan(c * (int)Shape.VoxelCount, (int)Shape.VoxelCount), destination.Slice(c * patchVoxels, patchVoxels), start, size);
    }

    public void ReadLabelPatch(Span<byte> destination, VoxelIndex start, Shape3 size) => Copy<byte>(Label, destination, start, size);

    private void Copy<T>(ReadOnlySpan<T> source, Span<T> destination, VoxelIndex start, Shape3 size) where T : struct
    {
        for (int z = 0, i = 0; z < size.Z; z++)
            for (var y = 0; y < size.Y; y++)
                for (var x = 0; x < size.X; x++, i++)
                {
                    int sx = start.X + x, sy = start.Y + y, sz = start.Z + z;
                    var inside = (uint)sx < (uint)Shape.X && (uint)sy < (uint)Shape.Y && (uint)sz < (uint)Shape.Z;
                    destination[i] = inside ? source[sx + (Shape.X * (sy + (Shape.Y * sz)))] : default;
                }
    }

    private static Dictionary<int, VoxelIndex[]> LocationsOf(Shape3 shape, byte[] label)
    {
        var result = new Dictionary<int, List<VoxelIndex>>();
        for (var i = 0; i < label.Length; i++)
        {
            if (label[i] == 0)
                continue;
            if (!result.TryGetValue(label[i], out var list))
                result[label[i]] = list = [];
            list.Add(new VoxelIndex(i % shape.X, i / shape.X % shape.Y, i / (shape.X * shape.Y)));
        }
        return result.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }
}
