using Platform.Preprocessing.Splits;

namespace Platform.Training.Data;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018; public-domain reference code), the generator behind every random choice
/// made for one batch. Why not <see cref="Random"/>: its sequence is not part of .NET's contract, and a resumed run
/// must repeat an uninterrupted one exactly, on any future runtime. Why one generator per batch, seeded from
/// (run seed, batch index): a batch is then a pure function of those two numbers, whichever worker thread builds
/// it and in whatever order — what makes 1 and N workers, and a resume at batch k, give identical batches.
/// Not thread-safe: one instance belongs to the one thread building its batch.
/// </summary>
public sealed class BatchRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareGaussian;
    private bool _hasSpareGaussian;

    /// <summary>A generator whose state is expanded from <paramref name="seed"/> with SplitMix64 (as the authors advise).</summary>
    public BatchRandom(ulong seed)
    {
        var expander = new SplitMix64(seed);
        _s0 = expander.NextUInt64();
        _s1 = expander.NextUInt64();
        _s2 = expander.NextUInt64();
        _s3 = expander.NextUInt64();
        // An all-zero state would stay zero forever; SplitMix64 output makes that practically impossible, but cheap to rule out.
        if ((_s0 | _s1 | _s2 | _s3) == 0)
            _s0 = 1;
    }

    /// <summary>
    /// The generator for batch <paramref name="batchIndex"/> of a run seeded with <paramref name="runSeed"/>. The run
    /// seed is scrambled before the index is mixed in, so neighbouring seeds do not give shifted copies of each other's
    /// batch sequences.
    /// </summary>
    public static BatchRandom ForBatch(long runSeed, long batchIndex)
    {
        var scrambledSeed = new SplitMix64((ulong)runSeed).NextUInt64();
        return new BatchRandom(scrambledSeed ^ (ulong)batchIndex);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>True with probability <paramref name="probability"/> (always draws, so the sequence does not depend on the value).</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), without modulo bias.</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        var bound = (ulong)exclusiveMax;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var r = NextUInt64();
            if (r >= threshold)
                return (int)(r % bound);
        }
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="inclusiveMax"/>].</summary>
    public int NextInclusive(int min, int inclusiveMax)
    {
        if (inclusiveMax < min)
            throw new ArgumentOutOfRangeException(nameof(inclusiveMax), inclusiveMax, $"The upper bound is below the lower bound {min}.");
        return min + NextInt(checked(inclusiveMax - min + 1));
    }

    /// <summary>A standard normal value (Box–Muller; the second value of each pair is kept for the next call).</summary>
    public double NextGaussian()
    {
        if (_hasSpareGaussian)
        {
            _hasSpareGaussian = false;
            return _spareGaussian;
        }
        // 1 - u keeps the logarithm's argument in (0, 1].
        var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble()));
        var angle = 2.0 * Math.PI * NextDouble();
        _spareGaussian = radius * Math.Sin(angle);
        _hasSpareGaussian = true;
        return radius * Math.Cos(angle);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
