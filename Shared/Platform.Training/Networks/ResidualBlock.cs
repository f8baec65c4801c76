using static TorchSharp.torch;

namespace Platform.Training.Networks;

/// <summary>
/// A basic residual block as in nnU-Net's ResEnc encoder (dynamic_network_architectures' BasicBlockD):
/// conv-norm-activation, conv-norm, plus a skip path, then the activation. The skip path average-pools when the
/// block strides and projects with a 1×1 conv + norm when the channel count changes, so it stays cheap.
/// </summary>
internal sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly ConvNormActivation first;
    private readonly ConvNormActivation second;
    private readonly nn.Module<Tensor, Tensor> skip;
    private readonly nn.Module<Tensor, Tensor> activation;

    public ResidualBlock(SpatialLayers layers, long inputs, long outputs, IReadOnlyList<int> kernelXyz, IReadOnlyList<int> strideXyz)
        : base(nameof(ResidualBlock))
    {
        var unit = Enumerable.Repeat(1, strideXyz.Count).ToArray();
        first = new ConvNormActivation(layers, inputs, outputs, kernelXyz, strideXyz);
        second = new ConvNormActivation(layers, outputs, outputs, kernelXyz, unit, activate: false);

        var skipLayers = new List<nn.Module<Tensor, Tensor>>();
        if (strideXyz.Any(s => s != 1))
            skipLayers.Add(layers.AveragePool(strideXyz));
        if (inputs != outputs)
            skipLayers.Add(new ConvNormActivation(layers, inputs, outputs, unit, unit, activate: false));
        skip = skipLayers.Count == 0 ? nn.Identity() : nn.Sequential(skipLayers.ToArray());
        activation = nn.LeakyReLU(0.01, inplace: true);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        // Intermediate maps are freed once read (see UNet.forward); the identity skip is the caller's input, kept.
        Tensor sum;
        using (var inner = first.call(input))
            sum = second.call(inner);
        var shortcut = skip.call(input);
        sum.add_(shortcut);
        if (!ReferenceEquals(shortcut, input))
            shortcut.Dispose();
        return activation.call(sum);
    }
}
