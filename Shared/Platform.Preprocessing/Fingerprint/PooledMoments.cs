namespace Platform.Preprocessing.Fingerprint;

/// <summary>
/// Exact pooling of per-case (count, mean, population std) into the statistics of all voxels
/// together, with Chan, Golub and LeVeque's pairwise update (numerically stable, no raw values):
/// n = nA + nB; δ = μB − μA; μ = μA + δ·nB/n; M2 = M2A + M2B + δ²·nA·nB/n; σ = √(M2/n),
/// where a case's M2 = n·σ².
/// </summary>
public readonly record struct PooledMoments(long Count, double Mean, double M2)
{
    public double PopulationStd => Count == 0 ? 0 : Math.Sqrt(M2 / Count);

    public static PooledMoments OfCase(long count, double mean, double std) => new(count, mean, count * std * std);

    public PooledMoments Add(PooledMoments other)
    {
        if (other.Count == 0)
            return this;
        if (Count == 0)
            return other;
        var n = Count + other.Count;
        var delta = other.Mean - Mean;
        var mean = Mean + (delta * other.Count / n);
        var m2 = M2 + other.M2 + (delta * delta * ((double)Count * other.Count / n));
        return new PooledMoments(n, mean, m2);
    }
}
