namespace Platform.Training.Evaluation;

/// <summary>
/// What a regression scores on a set of cases: mean absolute error, mean squared error (both in the target's units)
/// and the coefficient of determination R² = 1 − SS_res / SS_tot around the mean of the true values. R² is 0 for
/// predicting that mean, 1 for a perfect prediction, negative for worse than the mean, NaN when every true value is
/// the same (nothing to explain).
/// </summary>
public sealed record RegressionMetrics(int Cases, double MeanAbsoluteError, double MeanSquaredError, double RSquared)
{
    /// <exception cref="ArgumentException">Lists of different lengths, no cases, or a value that is not finite.</exception>
    public static RegressionMetrics Compute(IReadOnlyList<double> truth, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count)
            throw new ArgumentException($"{truth.Count} true values but {predicted.Count} predictions.", nameof(predicted));
        if (truth.Count == 0)
            throw new ArgumentException("Regression metrics need at least one case.", nameof(truth));
        for (int i = 0; i < truth.Count; i++)
        {
            if (!double.IsFinite(truth[i]) || !double.IsFinite(predicted[i]))
                throw new ArgumentException($"Case {i}: true value {truth[i]}, predicted {predicted[i]}; both must be finite.", nameof(truth));
        }

        double mean = truth.Average();
        double absolute = 0, squared = 0, total = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            double error = predicted[i] - truth[i];
            absolute += Math.Abs(error);
            squared += error * error;
            total += (truth[i] - mean) * (truth[i] - mean);
        }

        return new RegressionMetrics(truth.Count, absolute / truth.Count, squared / truth.Count, total > 0 ? 1 - squared / total : double.NaN);
    }
}
