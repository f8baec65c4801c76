using System.Numerics;
using System.Runtime.InteropServices;

namespace Platform.Training.Augmentation;

/// <summary>
/// The few whole-array float operations the intensity augmentations need, with <see cref="Vector{T}"/> (SIMD) bodies.
/// Sums accumulate in double so that means and standard deviations of 128³ patches keep their precision; the lane
/// order is fixed, so results are the same on every run on the same machine.
/// </summary>
internal static class VectorMath
{
    /// <summary>values[i] *= factor.</summary>
    public static void Scale(Span<float> values, float factor) => MultiplyAdd(values, factor, 0f);

    /// <summary>values[i] = values[i]·factor + offset.</summary>
    public static void MultiplyAdd(Span<float> values, float factor, float offset)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        var f = new Vector<float>(factor);
        var o = new Vector<float>(offset);
        for (var i = 0; i < vectors.Length; i++)
            vectors[i] = (vectors[i] * f) + o;
        for (var i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
            values[i] = (values[i] * factor) + offset;
    }

    /// <summary>target[i] += weight·source[i].</summary>
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float weight)
    {
        if (source.Length < target.Length)
            throw new ArgumentException($"The source holds {source.Length} values, the target {target.Length}.", nameof(source));
        var t = MemoryMarshal.Cast<float, Vector<float>>(target);
        var s = MemoryMarshal.Cast<float, Vector<float>>(source[..target.Length]);
        var w = new Vector<float>(weight);
        for (var i = 0; i < t.Length; i++)
            t[i] += s[i] * w;
        for (var i = t.Length * Vector<float>.Count; i < target.Length; i++)
            target[i] += source[i] * weight;
    }

    /// <summary>values[i] = min(max(values[i], low), high).</summary>
    public static void Clamp(Span<float> values, float low, float high)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        var l = new Vector<float>(low);
        var h = new Vector<float>(high);
        for (var i = 0; i < vectors.Length; i++)
            vectors[i] = Vector.Min(Vector.Max(vectors[i], l), h);
        for (var i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
            values[i] = Math.Min(Math.Max(values[i], low), high);
    }

    public static (float Min, float Max) MinMax(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
            throw new ArgumentException("No values.", nameof(values));
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        float min = values[0], max = values[0];
        if (vectors.Length > 0)
        {
            var vMin = vectors[0];
            var vMax = vectors[0];
            for (var i = 1; i < vectors.Length; i++)
            {
                vMin = Vector.Min(vMin, vectors[i]);
                vMax = Vector.Max(vMax, vectors[i]);
            }
            for (var lane = 0; lane < Vector<float>.Count; lane++)
            {
                min = Math.Min(min, vMin[lane]);
                max = Math.Max(max, vMax[lane]);
            }
        }
        for (var i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }
        return (min, max);
    }

    /// <summary>Mean and population standard deviation (double accumulation).</summary>
    public static (double Mean, double StandardDeviation) MeanAndDeviation(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
            throw new ArgumentException("No values.", nameof(values));
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        var sum = Vector<double>.Zero;
        var squares = Vector<double>.Zero;
        for (var i = 0; i < vectors.Length; i++)
        {
            Vector.Widen(vectors[i], out var low, out var high);
            sum += low + high;
            squares += (low * low) + (high * high);
        }
        double s = Vector.Sum(sum), q = Vector.Sum(squares);
        for (var i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
        {
            s += values[i];
            q += (double)values[i] * values[i];
        }
        var mean = s / values.Length;
        var variance = Math.Max(0, (q / values.Length) - (mean * mean));
        return (mean, Math.Sqrt(variance));
    }
}
