using static TorchSharp.torch;

namespace Platform.Training.Trainer;

/// <summary>
/// nnU-Net's validation pseudo-Dice: true positives, false positives and false negatives of the argmax prediction
/// per foreground class, summed over all validation batches (not averaged per batch), then 2TP / (2TP + FP + FN).
/// </summary>
public sealed class PseudoDice
{
    private readonly long[] truePositives;
    private readonly long[] falsePositives;
    private readonly long[] falseNegatives;

    public PseudoDice(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        Classes = classes;
        truePositives = new long[classes - 1];
        falsePositives = new long[classes - 1];
        falseNegatives = new long[classes - 1];
    }

    public int Classes { get; }

    /// <summary>Adds one batch.</summary>
    /// <param name="logits">[B, C, spatial...] network output.</param>
    /// <param name="target">[B, 1, spatial...] class indices.</param>
    public void Add(Tensor logits, Tensor target)
    {
        using var scope = NewDisposeScope();
        var prediction = logits.argmax(1);
        var reference = target.squeeze(1);
        for (int c = 1; c < Classes; c++)
        {
            var predicted = prediction.eq(c);
            var expected = reference.eq(c);
            long tp = predicted.logical_and(expected).sum().item<long>();
            truePositives[c - 1] += tp;
            falsePositives[c - 1] += predicted.sum().item<long>() - tp;
            falseNegatives[c - 1] += expected.sum().item<long>() - tp;
        }
    }

    /// <summary>Per foreground class (class 1 first); NaN for a class in neither prediction nor reference.</summary>
    public double[] PerClass() =>
        Enumerable.Range(0, Classes - 1)
            .Select(i =>
            {
                long denominator = 2 * truePositives[i] + falsePositives[i] + falseNegatives[i];
                return denominator == 0 ? double.NaN : 2.0 * truePositives[i] / denominator;
            })
            .ToArray();

    /// <summary>Mean over the classes that are not NaN; NaN when all are.</summary>
    public static double Mean(IReadOnlyList<double> perClass)
    {
        var present = perClass.Where(d => !double.IsNaN(d)).ToArray();
        return present.Length == 0 ? double.NaN : present.Average();
    }
}
