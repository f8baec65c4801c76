using Platform.Imaging.Volumes;

namespace Platform.Training.Inference;

/// <summary>What the values of a <see cref="ClassMaps"/> are.</summary>
public enum ClassMapKind
{
    Logits,
    Probabilities,
}

/// <summary>
/// One float map per class on one voxel grid ([K, Z, Y, X] as K arrays, each x fastest like
/// <see cref="Volume{T}.Data"/>). Class k is network output channel k; class 0 is background.
/// </summary>
public sealed class ClassMaps
{
    public ClassMaps(Shape3 shape, IReadOnlyList<float[]> maps, ClassMapKind kind)
    {
        ArgumentNullException.ThrowIfNull(maps);
        if (shape.IsEmpty)
            throw new ArgumentException($"Shape {shape} must be positive along every axis.", nameof(shape));
        if (maps.Count == 0)
            throw new ArgumentException("At least one class map is needed.", nameof(maps));
        for (var k = 0; k < maps.Count; k++)
            if (maps[k] is null || maps[k].LongLength != shape.VoxelCount)
                throw new ArgumentException($"Class {k} has {maps[k]?.LongLength ?? 0} values for shape {shape} ({shape.VoxelCount}).", nameof(maps));
        Shape = shape;
        Maps = maps;
        Kind = kind;
    }

    public Shape3 Shape { get; }

    public IReadOnlyList<float[]> Maps { get; }

    public ClassMapKind Kind { get; }

    public int ClassCount => Maps.Count;

    /// <summary>Probabilities: a softmax over classes per voxel for logits, this object for probabilities.</summary>
    public ClassMaps ToProbabilities()
    {
        if (Kind == ClassMapKind.Probabilities)
            return this;
        var k = ClassCount;
        var result = new float[k][];
        for (var c = 0; c < k; c++)
            result[c] = new float[Maps[c].Length];
        var exps = new double[k];
        for (var i = 0; i < Maps[0].Length; i++)
        {
            // Subtracting the largest logit keeps exp from overflowing; it cancels in the ratio.
            var max = double.NegativeInfinity;
            for (var c = 0; c < k; c++)
                max = Math.Max(max, Maps[c][i]);
            double sum = 0;
            for (var c = 0; c < k; c++)
                sum += exps[c] = Math.Exp(Maps[c][i] - max);
            for (var c = 0; c < k; c++)
                result[c][i] = (float)(exps[c] / sum);
        }

        return new ClassMaps(Shape, result, ClassMapKind.Probabilities);
    }

    /// <summary>The class with the largest value per voxel (the lower class on ties); the same for logits and probabilities.</summary>
    public Volume<byte> Argmax(VolumeGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        CheckShape(geometry);
        if (ClassCount > byte.MaxValue + 1)
            throw new InvalidOperationException($"{ClassCount} classes do not fit a byte label map.");
        var labels = new byte[Maps[0].Length];
        var best = (float[])Maps[0].Clone();
        for (var c = 1; c < ClassCount; c++)
        {
            var map = Maps[c];
            for (var i = 0; i < labels.Length; i++)
                if (map[i] > best[i])
                {
                    best[i] = map[i];
                    labels[i] = (byte)c;
                }
        }

        return new Volume<byte>(geometry, labels);
    }

    /// <summary>Class <paramref name="k"/>'s map as a volume on <paramref name="geometry"/> (shares the array).</summary>
    public Volume<float> ClassVolume(int k, VolumeGeometry geometry)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, ClassCount);
        ArgumentNullException.ThrowIfNull(geometry);
        CheckShape(geometry);
        return new Volume<float>(geometry, Maps[k]);
    }

    private void CheckShape(VolumeGeometry geometry)
    {
        if (geometry.Shape != Shape)
            throw new ArgumentException($"Geometry shape {geometry.Shape} is not the class maps' shape {Shape}.", nameof(geometry));
    }
}
