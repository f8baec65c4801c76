namespace Platform.Training.Evaluation;

/// <summary>
/// What a classification scores on a set of cases (a validation fold, a cross-validation): accuracy, balanced
/// accuracy, one-vs-rest AUROC, precision and recall per class, and the confusion matrix (rows true, columns predicted).
/// Undefined figures are NaN (see <see cref="ConfusionMatrix"/>, <see cref="Auroc"/>).
/// </summary>
public sealed record ClassificationMetrics(
    int Cases,
    double Accuracy,
    double BalancedAccuracy,
    IReadOnlyList<double> AurocPerClass,
    IReadOnlyList<double> PrecisionPerClass,
    IReadOnlyList<double> RecallPerClass,
    IReadOnlyList<IReadOnlyList<long>> Confusion)
{
    /// <param name="truth">True class per case.</param>
    /// <param name="probabilities">Per case, one probability per class; the predicted class is the most probable (the first on ties).</param>
    /// <param name="classes">Number of classes.</param>
    public static ClassificationMetrics Compute(IReadOnlyList<int> truth, IReadOnlyList<IReadOnlyList<double>> probabilities, int classes)
    {
        var auroc = Auroc.OneVersusRest(truth, probabilities, classes);
        var predicted = probabilities.Select(p => Enumerable.Range(0, classes).MaxBy(c => p[c])).ToArray();
        var matrix = ConfusionMatrix.From(truth, predicted, classes);
        return new ClassificationMetrics(
            truth.Count,
            matrix.Accuracy,
            matrix.BalancedAccuracy,
            auroc,
            Enumerable.Range(0, classes).Select(matrix.Precision).ToArray(),
            Enumerable.Range(0, classes).Select(matrix.Recall).ToArray(),
            matrix.ToRows());
    }
}
