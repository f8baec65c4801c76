namespace Platform.Training.Evaluation;

/// <summary>
/// Counts of (true class, predicted class) over cases: rows are the true class, columns the predicted class. Accuracy,
/// balanced accuracy, and per-class precision and recall are read from it. A figure with no cases to be computed
/// over (precision of a class never predicted, recall of a class absent from the truth) is NaN, not 0.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] counts;

    private ConfusionMatrix(long[,] counts) => this.counts = counts;

    public int Classes => counts.GetLength(0);

    /// <summary>Cases of true class <paramref name="truth"/> predicted as <paramref name="predicted"/>.</summary>
    public long this[int truth, int predicted] => counts[truth, predicted];

    public long Total => Enumerable.Range(0, Classes).Sum(RowTotal);

    /// <summary>Builds the matrix from one true and one predicted class per case.</summary>
    /// <exception cref="ArgumentException">Lists of different lengths, or a class outside 0..classes−1 (named with its case position).</exception>
    public static ConfusionMatrix From(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classes)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (truth.Count != predicted.Count)
            throw new ArgumentException($"{truth.Count} true classes but {predicted.Count} predictions.", nameof(predicted));
        var counts = new long[classes, classes];
        for (int i = 0; i < truth.Count; i++)
        {
            if ((uint)truth[i] >= (uint)classes || (uint)predicted[i] >= (uint)classes)
                throw new ArgumentException($"Case {i}: true class {truth[i]}, predicted {predicted[i]}; classes are 0 to {classes - 1}.", nameof(truth));
            counts[truth[i], predicted[i]]++;
        }

        return new ConfusionMatrix(counts);
    }

    /// <summary>The matrix as rows (true class) of columns (predicted class).</summary>
    public long[][] ToRows() =>
        Enumerable.Range(0, Classes).Select(t => Enumerable.Range(0, Classes).Select(p => counts[t, p]).ToArray()).ToArray();

    /// <summary>Correct predictions over all cases.</summary>
    public double Accuracy => Total == 0 ? double.NaN : (double)Enumerable.Range(0, Classes).Sum(c => counts[c, c]) / Total;

    /// <summary>The mean recall over the classes present in the truth: accuracy that a majority class cannot inflate.</summary>
    public double BalancedAccuracy
    {
        get
        {
            var recalls = Enumerable.Range(0, Classes).Select(Recall).Where(r => !double.IsNaN(r)).ToList();
            return recalls.Count == 0 ? double.NaN : recalls.Average();
        }
    }

    /// <summary>Of the cases predicted as <paramref name="c"/>, the fraction that are <paramref name="c"/>; NaN when none is predicted so.</summary>
    public double Precision(int c)
    {
        long predicted = Enumerable.Range(0, Classes).Sum(t => counts[t, c]);
        return predicted == 0 ? double.NaN : (double)counts[c, c] / predicted;
    }

    /// <summary>Of the cases of class <paramref name="c"/>, the fraction predicted as <paramref name="c"/>; NaN when there are none.</summary>
    public double Recall(int c)
    {
        long actual = RowTotal(c);
        return actual == 0 ? double.NaN : (double)counts[c, c] / actual;
    }

    private long RowTotal(int truth) => Enumerable.Range(0, Classes).Sum(p => counts[truth, p]);
}
