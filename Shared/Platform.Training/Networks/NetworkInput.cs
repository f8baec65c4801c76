using static TorchSharp.torch;

namespace Platform.Training.Networks;

/// <summary>The one check of an input tensor against the network it is fed to, whichever task's network that is.</summary>
internal static class NetworkInput
{
    /// <param name="input">[B, C, ([Z,] Y, X)].</param>
    /// <param name="description">The network's description.</param>
    /// <param name="divisible">Whether every spatial size must be divisible by the total downsampling: networks that
    /// upsample back to the input's size need it; a pooled head does not.</param>
    /// <exception cref="ArgumentException">Wrong rank, channel count or (when required) spatial size, with the shapes.</exception>
    public static void Check(Tensor input, NetworkDescription description, bool divisible)
    {
        int dims = description.Dimensions;
        if (input.dim() != dims + 2)
            throw new ArgumentException(
                $"The {dims}D network expects a tensor of {dims + 2} dimensions [B, C, {(dims == 3 ? "Z, " : "")}Y, X]; got shape [{string.Join(", ", input.shape)}].",
                nameof(input));
        if (input.shape[1] != description.InputChannels)
            throw new ArgumentException(
                $"The network expects {description.InputChannels} input channel(s); the tensor has {input.shape[1]} (shape [{string.Join(", ", input.shape)}]).",
                nameof(input));
        if (!divisible)
            return;
        var poolingTorchOrder = description.PoolingFactor.Reverse().ToArray();
        for (int a = 0; a < dims; a++)
        {
            if (input.shape[2 + a] % poolingTorchOrder[a] != 0)
                throw new ArgumentException(
                    $"Spatial size [{string.Join(", ", input.shape.Skip(2))}] is not divisible by the network's total downsampling " +
                    $"[{string.Join(", ", poolingTorchOrder)}] (torch order) on dimension {2 + a}.",
                    nameof(input));
        }
    }
}
