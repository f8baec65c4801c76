using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Training.Networks;

/// <summary>
/// nnU-Net's InitWeights_He(1e-2): Kaiming-normal (fan in, leaky-ReLU gain with a = 0.01) for every convolution and
/// transposed-convolution weight, zero biases. Instance-norm scales keep their default of 1.
/// </summary>
internal static class HeInitialization
{
    public const double NegativeSlope = 1e-2;

    public static void Apply(nn.Module module)
    {
        using var noGrad = torch.no_grad();
        foreach (var (name, parameter) in module.named_parameters())
        {
            // Convolution kernels are the only parameters with spatial dimensions; norm scales and biases are 1D.
            if (parameter.dim() >= 3)
                nn.init.kaiming_normal_(parameter, a: NegativeSlope);
            else if (name.EndsWith("bias", StringComparison.Ordinal))
                parameter.zero_();
        }
    }
}
