using Platform.Training.Losses;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Losses;

public sealed class DiceCrossEntropyLossTests
{
    private const double Smooth = 1e-5;

    // Two voxels, two classes. Voxel 0: logits (0, ln 3) → p(1) = 0.75, label 1. Voxel 1: logits (0, 0) → p(1) = 0.5, label 0.
    private static Tensor TwoVoxelLogits() => tensor(new double[] { 0, 0, Math.Log(3), 0 }, ScalarType.Float64).reshape(1, 2, 1, 1, 2);

    private static Tensor TwoVoxelTarget() => tensor(new long[] { 1, 0 }).reshape(1, 1, 1, 1, 2);

    [Fact]
    public void SoftDiceOfTwoVoxelsMatchesHandComputation()
    {
        using var scope = NewDisposeScope();
        double loss = SoftDiceLoss.Compute(TwoVoxelLogits(), TwoVoxelTarget(), batchDice: false, Smooth).item<double>();

        // Foreground only: intersection 0.75, Σp = 0.75 + 0.5, Σg = 1 → dice = (1.5 + s) / (2.25 + s).
        Assert.Equal(-(1.5 + Smooth) / (2.25 + Smooth), loss, 12);
    }

    [Fact]
    public void DiceAndCrossEntropyAreWeightedAndSummed()
    {
        using var scope = NewDisposeScope();
        double dice = -(1.5 + Smooth) / (2.25 + Smooth);
        double crossEntropy = (-Math.Log(0.75) - Math.Log(0.5)) / 2; // mean over the two voxels

        double equal = new DiceCrossEntropyLoss(new LossOptions()).Compute(TwoVoxelLogits(), TwoVoxelTarget()).item<double>();
        double weighted = new DiceCrossEntropyLoss(new LossOptions(DiceWeight: 2, CrossEntropyWeight: 0.5)).Compute(TwoVoxelLogits(), TwoVoxelTarget()).item<double>();

        Assert.Equal(crossEntropy + dice, equal, 12);
        Assert.Equal(0.5 * crossEntropy + 2 * dice, weighted, 12);
    }

    [Fact]
    public void BatchDicePoolsSumsOverSamplesWhilePerSampleDiceAveragesRatios()
    {
        using var scope = NewDisposeScope();
        // Sample 0: one voxel, p(1) = 0.75, label 1. Sample 1: one voxel, p(1) = 0.5, label 0.
        var logits = tensor(new double[] { 0, Math.Log(3), 0, 0 }, ScalarType.Float64).reshape(2, 2, 1, 1, 1);
        var target = tensor(new long[] { 1, 0 }).reshape(2, 1, 1, 1, 1);

        double perSample = SoftDiceLoss.Compute(logits, target, batchDice: false, Smooth).item<double>();
        double pooled = SoftDiceLoss.Compute(logits, target, batchDice: true, Smooth).item<double>();

        // Per sample: (1.5 + s)/(1.75 + s) and (0 + s)/(0.5 + s), averaged. Pooled: (1.5 + s)/(2.25 + s).
        Assert.Equal(-((1.5 + Smooth) / (1.75 + Smooth) + Smooth / (0.5 + Smooth)) / 2, perSample, 12);
        Assert.Equal(-(1.5 + Smooth) / (2.25 + Smooth), pooled, 12);
    }

    [Fact]
    public void BackgroundIsLeftOutOfTheDiceTerm()
    {
        using var scope = NewDisposeScope();
        // Three classes, one voxel labelled 2 with p = (0.5, 0.25, 0.25): logits (ln 2, 0, 0).
        var logits = tensor(new double[] { Math.Log(2), 0, 0 }, ScalarType.Float64).reshape(1, 3, 1, 1, 1);
        var target = tensor(new long[] { 2 }).reshape(1, 1, 1, 1, 1);

        double loss = SoftDiceLoss.Compute(logits, target, batchDice: false, Smooth).item<double>();

        // Class 1: (0 + s)/(0.25 + s); class 2: (0.5 + s)/(1.25 + s); background would add a third ratio.
        Assert.Equal(-(Smooth / (0.25 + Smooth) + (0.5 + Smooth) / (1.25 + Smooth)) / 2, loss, 12);
    }

    [Fact]
    public void MismatchedShapesAreRejectedWithBothShapes()
    {
        using var scope = NewDisposeScope();
        var loss = new DiceCrossEntropyLoss(new LossOptions());
        var error = Assert.Throws<ArgumentException>(() => loss.Compute(zeros([1, 2, 2, 2, 2]), zeros([1, 1, 2, 2, 4], ScalarType.Int64)));
        Assert.Contains("[1, 2, 2, 2, 2]", error.Message);
        Assert.Contains("[1, 1, 2, 2, 4]", error.Message);
    }
}
