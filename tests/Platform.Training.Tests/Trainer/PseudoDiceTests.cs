using Platform.Training.Trainer;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Trainer;

public sealed class PseudoDiceTests
{
    [Fact]
    public void CountsAreSummedOverBatchesBeforeTheRatio()
    {
        using var scope = NewDisposeScope();
        var dice = new PseudoDice(3);
        // Batch 1, four voxels: prediction (argmax) 1, 1, 0, 2; reference 1, 0, 1, 0.
        dice.Add(OneHotLogits([1, 1, 0, 2], 3), Target([1, 0, 1, 0]));
        // Batch 2: prediction 1, 0, 0, 0; reference 1, 1, 0, 0.
        dice.Add(OneHotLogits([1, 0, 0, 0], 3), Target([1, 1, 0, 0]));

        var perClass = dice.PerClass();

        // Class 1: TP 1+1, FP 1+0, FN 1+1 → 4 / (4 + 1 + 2). Averaging per-batch Dice would give (0.5 + 0.667) / 2.
        Assert.Equal(4.0 / 7, perClass[0], 12);
        // Class 2: TP 0, FP 1, FN 0 → 0.
        Assert.Equal(0, perClass[1]);
    }

    [Fact]
    public void ClassAbsentFromPredictionAndReferenceIsNaNAndLeftOutOfTheMean()
    {
        using var scope = NewDisposeScope();
        var dice = new PseudoDice(3);
        dice.Add(OneHotLogits([1, 0], 3), Target([1, 1]));

        var perClass = dice.PerClass();

        Assert.Equal(2.0 / 3, perClass[0], 12);
        Assert.True(double.IsNaN(perClass[1]));
        Assert.Equal(2.0 / 3, PseudoDice.Mean(perClass), 12);
    }

    private static Tensor OneHotLogits(long[] predicted, int classes) =>
        nn.functional.one_hot(tensor(predicted), classes).to(ScalarType.Float32).t().reshape(1, classes, 1, 1, predicted.Length);

    private static Tensor Target(long[] labels) => tensor(labels).reshape(1, 1, 1, 1, labels.Length);
}
