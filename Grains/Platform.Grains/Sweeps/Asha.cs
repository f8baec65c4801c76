using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Sweeps;

/// <summary>
/// Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter Tuning"): a trial
/// reaching a rung goes on only if its metric is in the top 1/η of all trials that have reached that rung so far.
/// Pure: the sweep grain keeps the metrics recorded at each rung and asks for decisions here.
/// </summary>
public static class Asha
{
    /// <summary>Rung epochs grace·η^k that lie below the maximum budget (reaching the maximum is completion, not a rung).</summary>
    public static IReadOnlyList<int> RungEpochs(int gracePeriodEpochs, int reductionFactor, int maxEpochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gracePeriodEpochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        var rungs = new List<int>();
        for (long epoch = gracePeriodEpochs; epoch < maxEpochs; epoch *= reductionFactor)
            rungs.Add((int)epoch);
        return rungs;
    }

    /// <summary>
    /// Whether a trial reaching a rung with <paramref name="metric"/> goes on, given the metrics recorded there before it
    /// (higher is better). The top max(1, ⌊n/η⌋) of the n trials go on; an earlier trial wins a tie, so a late trial
    /// must beat the incumbents rather than match them. The first trial at a rung always goes on.
    /// </summary>
    public static bool Continues(IReadOnlyList<double> earlierAtRung, double metric, int reductionFactor)
    {
        var score = Comparable(metric);
        var n = earlierAtRung.Count + 1;
        var kept = Math.Max(1, n / reductionFactor);
        var ahead = earlierAtRung.Count(m => Comparable(m) >= score);
        return ahead < kept;
    }

    /// <summary>A missing or NaN metric ranks below every real one.</summary>
    public static double Comparable(double metric) => double.IsNaN(metric) ? double.NegativeInfinity : metric;

    /// <summary>
    /// nnU-Net's pseudo-Dice EMA after each epoch (0.9 previous + 0.1 current, starting at the first epoch's value),
    /// where an epoch's value is the mean pseudo-Dice over its foreground labels that have one (NaN labels are left out; an
    /// epoch without any keeps the previous value). Element i holds the value after i + 1 epochs.
    /// </summary>
    public static IReadOnlyList<double> PseudoDiceEma(IEnumerable<EpochMetrics> epochs)
    {
        var series = new List<double>();
        double? ema = null;
        foreach (var epoch in epochs.OrderBy(e => e.Epoch))
        {
            // nanmean, as nnU-Net: a label absent from an epoch's validation patches gives NaN, which must not erase the rest.
            var finite = epoch.PseudoDice.Values.Where(double.IsFinite).ToList();
            var mean = finite.Count == 0 ? double.NaN : finite.Average();
            ema = (ema, double.IsNaN(mean)) switch
            {
                ({ } previous, false) when !double.IsNaN(previous) => (0.9 * previous) + (0.1 * mean),
                ({ } previous, true) => previous,
                _ => mean,
            };
            series.Add(ema.Value);
        }

        return series;
    }
}
