namespace Platform.DemoData.Phantoms;

/// <summary>
/// The draws every generator here makes from its own <see cref="Random"/> (one instance per case, seeded, never shared),
/// so a case stays a pure function of its seed.
/// </summary>
internal static class RandomDraws
{
    /// <summary>Uniform in [<paramref name="lo"/>, <paramref name="hi"/>).</summary>
    public static double Between(this Random random, double lo, double hi) => lo + (random.NextDouble() * (hi - lo));

    /// <summary>Uniform in a (Min, Max) range.</summary>
    public static double In(this Random random, (double Min, double Max) range) => random.Between(range.Min, range.Max);

    /// <summary>True with probability <paramref name="probability"/>; always draws, so later draws do not depend on the value.</summary>
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>Log-uniform in [<paramref name="lo"/>, <paramref name="hi"/>): sizes spread evenly over orders of magnitude.</summary>
    public static double LogBetween(this Random random, double lo, double hi) => Math.Exp(random.Between(Math.Log(lo), Math.Log(hi)));

    /// <summary>Box–Muller: one standard normal value.</summary>
    public static double Gaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
