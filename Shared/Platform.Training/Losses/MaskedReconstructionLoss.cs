using static TorchSharp.torch;

namespace Platform.Training.Losses;

/// <summary>
/// The masked-image-modelling loss: mean squared error between reconstruction and original over the masked voxels
/// only (every channel), as in MAE/SimMIM. The visible voxels are not scored: copying them teaches nothing.
/// </summary>
public static class MaskedReconstructionLoss
{
    /// <param name="reconstruction">[B, C, ...].</param>
    /// <param name="original">[B, C, ...], the unmasked input.</param>
    /// <param name="mask">[B, 1, ...], 1 where masked, 0 where visible.</param>
    /// <exception cref="ArgumentException">Shapes that do not fit together.</exception>
    public static Tensor Compute(Tensor reconstruction, Tensor original, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(reconstruction);
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(mask);
        if (!reconstruction.shape.SequenceEqual(original.shape))
            throw new ArgumentException($"Reconstruction [{string.Join(", ", reconstruction.shape)}] and original [{string.Join(", ", original.shape)}] differ in shape.");
        if (mask.dim() != original.dim() || mask.shape[0] != original.shape[0] || mask.shape[1] != 1 || !mask.shape.Skip(2).SequenceEqual(original.shape.Skip(2)))
            throw new ArgumentException($"The mask [{string.Join(", ", mask.shape)}] must be [B, 1, ...] over the image [{string.Join(", ", original.shape)}].");
        using var scope = NewDisposeScope();
        var squared = (reconstruction - original).square() * mask;
        // Masked voxels times channels; at least one, so an all-visible batch gives 0, not NaN.
        var count = (mask.sum() * original.shape[1]).clamp_min(1);
        return (squared.sum() / count).MoveToOuterDisposeScope();
    }
}
