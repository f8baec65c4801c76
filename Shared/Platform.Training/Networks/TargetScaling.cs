namespace Platform.Training.Networks;

/// <summary>
/// How regression targets are standardised for training, z = (value − <paramref name="Mean"/>) / <paramref name="Std"/>,
/// with the mean and standard deviation of the training targets; the network learns z and gives back values in the
/// table's units. Classification uses <see cref="Identity"/>.
/// </summary>
public sealed record TargetScaling(double Mean, double Std)
{
    /// <summary>No scaling.</summary>
    public static TargetScaling Identity { get; } = new(0, 1);

    /// <summary>The mean and (population) standard deviation of <paramref name="values"/>; a constant set gets std 1.</summary>
    /// <exception cref="ArgumentException">No values, or a value that is not finite.</exception>
    public static TargetScaling Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            throw new ArgumentException("Target standardisation needs at least one training value.", nameof(values));
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
                throw new ArgumentException($"Training target {value} is not a finite number.", nameof(values));
        }
        double mean = values.Average();
        double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        return new TargetScaling(mean, std > 1e-12 ? std : 1);
    }

    public double Standardise(double value) => (value - Mean) / Std;

    public double Restore(double standardised) => standardised * Std + Mean;
}
