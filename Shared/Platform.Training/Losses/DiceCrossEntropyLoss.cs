using static TorchSharp.torch;

namespace Platform.Training.Losses;

/// <summary>
/// Weighted sum of cross-entropy (mean over voxels) and <see cref="SoftDiceLoss"/>, nnU-Net's DC_and_CE_loss.
/// </summary>
public sealed class DiceCrossEntropyLoss
{
    public DiceCrossEntropyLoss(LossOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    public LossOptions Options { get; }

    /// <param name="logits">[B, C, spatial...] raw network output.</param>
    /// <param name="target">[B, 1, spatial...] class indices (int64), same spatial size as <paramref name="logits"/>.</param>
    /// <exception cref="ArgumentException">Shapes that do not match.</exception>
    public Tensor Compute(Tensor logits, Tensor target)
    {
        CheckShapes(logits, target);
        var loss = zeros(1, dtype: logits.dtype, device: logits.device).squeeze();
        if (Options.CrossEntropyWeight != 0)
            loss = loss + Options.CrossEntropyWeight * nn.functional.cross_entropy(logits, target.squeeze(1));
        if (Options.DiceWeight != 0)
            loss = loss + Options.DiceWeight * SoftDiceLoss.Compute(logits, target, Options.BatchDice, Options.Smooth);
        return loss;
    }

    private static void CheckShapes(Tensor logits, Tensor target)
    {
        if (logits.dim() < 3 || target.dim() != logits.dim() || target.shape[0] != logits.shape[0] || target.shape[1] != 1
            || !logits.shape.Skip(2).SequenceEqual(target.shape.Skip(2)))
            throw new ArgumentException(
                $"The loss needs logits [B, C, spatial...] and a target [B, 1, spatial...] of the same batch and spatial size; " +
                $"got logits [{string.Join(", ", logits.shape)}] and target [{string.Join(", ", target.shape)}].");
        if (logits.shape[1] < 2)
            throw new ArgumentException($"The loss needs at least 2 classes; the logits have {logits.shape[1]}.");
        if (target.dtype != ScalarType.Int64)
            throw new ArgumentException($"The target must hold int64 class indices; it is {target.dtype}.");
    }
}
