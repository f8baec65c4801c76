using static TorchSharp.torch;

namespace Platform.Training.Networks;

/// <summary>
/// nnU-Net's basic unit: convolution → instance norm → leaky ReLU (slope 0.01). Without the activation it is the
/// second half of a residual block, whose activation comes after the sum.
/// </summary>
internal sealed class ConvNormActivation : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> convolution;
    private readonly nn.Module<Tensor, Tensor> norm;
    private readonly nn.Module<Tensor, Tensor> activation;

    public ConvNormActivation(SpatialLayers layers, long inputs, long outputs, IReadOnlyList<int> kernelXyz, IReadOnlyList<int> strideXyz, bool activate = true)
        : base(nameof(ConvNormActivation))
    {
        convolution = layers.Convolution(inputs, outputs, kernelXyz, strideXyz);
        norm = layers.InstanceNorm(outputs);
        // In place, as nnU-Net: the leaky ReLU's backward only needs the sign of its output.
        activation = activate ? nn.LeakyReLU(0.01, inplace: true) : nn.Identity();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        // Freed once normalised (see UNet.forward); the activation works in place on the norm's output.
        using var convolved = convolution.call(input);
        return activation.call(norm.call(convolved));
    }
}
