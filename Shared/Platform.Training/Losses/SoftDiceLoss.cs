using static TorchSharp.torch;

namespace Platform.Training.Losses;

/// <summary>
/// nnU-Net's soft Dice on softmax probabilities, background excluded: per foreground class (and per sample unless
/// batch Dice), dice = (2·Σ p·g + smooth) / max(Σ p + Σ g + smooth, 1e-8); the loss is minus the mean over classes
/// and samples. The sign follows nnU-Net so that logged losses are comparable with its logs (a perfect prediction
/// gives about -1 plus the cross-entropy).
/// </summary>
public static class SoftDiceLoss
{
    /// <param name="logits">[B, C, spatial...] raw network output.</param>
    /// <param name="target">[B, 1, spatial...] class indices (int64).</param>
    /// <param name="batchDice">Sum over the batch before dividing.</param>
    /// <param name="smooth">Smoothing term.</param>
    public static Tensor Compute(Tensor logits, Tensor target, bool batchDice, double smooth)
    {
        long classes = logits.shape[1];
        var probabilities = logits.softmax(1);
        var oneHot = zeros_like(probabilities).scatter_(1, target, ones_like(target, probabilities.dtype));
        // Background (class 0) is left out of the Dice term; the cross-entropy covers it.
        var foreground = probabilities.narrow(1, 1, classes - 1);
        var reference = oneHot.narrow(1, 1, classes - 1);

        var axes = Enumerable.Range(2, (int)logits.dim() - 2).Select(a => (long)a);
        if (batchDice)
            axes = axes.Prepend(0);
        var sumAxes = axes.ToArray();
        var intersection = (foreground * reference).sum(sumAxes);
        var predicted = foreground.sum(sumAxes);
        var expected = reference.sum(sumAxes);
        var dice = (2 * intersection + smooth) / (predicted + expected + smooth).clamp_min(1e-8);
        return -dice.mean();
    }
}
