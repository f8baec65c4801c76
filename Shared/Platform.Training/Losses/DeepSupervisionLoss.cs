using static TorchSharp.torch;

namespace Platform.Training.Losses;

/// <summary>
/// Applies a <see cref="DiceCrossEntropyLoss"/> to every deep-supervision output with
/// <see cref="DeepSupervisionWeights"/>; each lower-resolution output is compared with the target downsampled by
/// nearest neighbour to its size. Outputs with weight 0 are not evaluated.
/// </summary>
public sealed class DeepSupervisionLoss
{
    private readonly DiceCrossEntropyLoss loss;

    public DeepSupervisionLoss(DiceCrossEntropyLoss loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        this.loss = loss;
    }

    /// <param name="outputs">Logits, highest resolution first (one element without deep supervision).</param>
    /// <param name="target">[B, 1, spatial...] int64 class indices at the highest resolution.</param>
    public Tensor Compute(IReadOnlyList<Tensor> outputs, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Count == 0)
            throw new ArgumentException("The network returned no outputs.", nameof(outputs));
        var weights = DeepSupervisionWeights.For(outputs.Count);
        Tensor? total = null;
        for (int i = 0; i < outputs.Count; i++)
        {
            if (weights[i] == 0)
                continue;
            var term = weights[i] * loss.Compute(outputs[i], DownsampleTarget(target, outputs[i]));
            total = total is null ? term : total + term;
        }
        return total!;
    }

    /// <summary>The target at the output's spatial size, by nearest neighbour (labels must not be interpolated).</summary>
    public static Tensor DownsampleTarget(Tensor target, Tensor output)
    {
        var size = output.shape.Skip(2).ToArray();
        if (target.shape.Skip(2).SequenceEqual(size))
            return target;
        return nn.functional.interpolate(target.to(ScalarType.Float32), size, mode: InterpolationMode.Nearest).to(ScalarType.Int64);
    }
}
