namespace Platform.Datasources.Statistics;

/// <summary>
/// A uniform random subset of at most <c>cap</c> values without replacement, in their original order.
/// Floyd's algorithm draws the indices with O(cap) extra memory whatever the number of values, and a
/// seeded <see cref="Random"/> makes the sample reproducible.
/// </summary>
public static class IntensitySample
{
    public static float[] Draw(ReadOnlySpan<float> values, int cap, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cap);
        if (values.Length <= cap)
            return values.ToArray();
        var random = new Random(seed);
        var chosen = new HashSet<int>(cap);
        for (var j = values.Length - cap; j < values.Length; j++)
        {
            var t = random.Next(j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }

        var indices = chosen.ToArray();
        Array.Sort(indices);
        var sample = new float[indices.Length];
        for (var i = 0; i < indices.Length; i++)
            sample[i] = values[indices[i]];
        return sample;
    }

    /// <summary>A seed that depends only on the case id and the configured seed (string.GetHashCode is randomised per process).</summary>
    public static int SeedFor(string caseId, int seed)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var hash = 2166136261u; // FNV-1a
        foreach (var c in caseId)
        {
            hash ^= c;
            hash *= 16777619u;
        }

        return (int)(hash ^ (uint)seed);
    }
}
