using Platform.Training.Networks;
using Platform.Training.Tests.Support;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Networks;

public sealed class UNetTests
{
    [Fact]
    public void AnisotropicTopologyMapsXyzListsToTorchDimensionsZyx()
    {
        manual_seed(1);
        using var network = UNet.Create(TinyNetworks.Anisotropic3D());
        var weights = network.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);

        // First encoder convolution: 2 inputs → 4 features, kernel (x 3, y 3, z 1) → torch (z 1, y 3, x 3).
        var first = weights.Single(w => w.Key.StartsWith("encoder.0.", StringComparison.Ordinal) && w.Value.Length == 5 && w.Value[1] == 2);
        Assert.Equal(new long[] { 4, 2, 1, 3, 3 }, first.Value);
        // The upsampling into stage 0 undoes stage 1's stride (x 2, y 2, z 1): torch kernel (1, 2, 2).
        Assert.Equal(new long[] { 8, 4, 1, 2, 2 }, weights["upsampling.1.weight"]);
        // The bottom upsampling undoes stride (2, 2, 2).
        Assert.Equal(new long[] { 16, 8, 2, 2, 2 }, weights["upsampling.0.weight"]);
    }

    [Fact]
    public void TrainingForwardWithDeepSupervisionReturnsEveryDecoderStageHighestResolutionFirst()
    {
        manual_seed(2);
        using var network = UNet.Create(TinyNetworks.Anisotropic3D());
        network.train();
        using var scope = NewDisposeScope();
        // [B, C, Z, Y, X]: z 2 (pooled once in total), y 8, x 12 (pooled twice).
        var outputs = network.forward(randn([1, 2, 2, 8, 12]));

        Assert.Equal(2, outputs.Length);
        Assert.Equal(new long[] { 1, 3, 2, 8, 12 }, outputs[0].shape);
        // Stage 1 pooled x and y only.
        Assert.Equal(new long[] { 1, 3, 2, 4, 6 }, outputs[1].shape);
    }

    [Fact]
    public void EvalModeAndDisabledDeepSupervisionReturnOnlyTheFullResolutionOutput()
    {
        manual_seed(3);
        using var network = UNet.Create(TinyNetworks.Anisotropic3D());
        using var scope = NewDisposeScope();
        var input = randn([2, 2, 2, 8, 8]);

        network.eval();
        var evaluated = network.forward(input);
        network.train();
        network.DeepSupervision = false;
        var plain = network.forward(input);

        Assert.Single(evaluated);
        Assert.Single(plain);
        Assert.Equal(new long[] { 2, 3, 2, 8, 8 }, evaluated[0].shape);
        // Instance norm keeps no running statistics, so train and eval mode compute the same function.
        Assert.True(evaluated[0].allclose(plain[0], rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void TwoDimensionalNetworkTakesFourDimensionalInputWithXyListsMappedToYx()
    {
        manual_seed(4);
        // The last stage pools x only: (x 2, y 1).
        var description = new NetworkDescription(NetworkArchitecture.PlainUNet, 1, 4,
            [TinyNetworks.Stage(4, [3, 3], [1, 1]), TinyNetworks.Stage(8, [3, 3], [2, 2]), TinyNetworks.Stage(16, [3, 3], [2, 1])]);
        using var network = UNet.Create(description);
        network.train();
        using var scope = NewDisposeScope();
        // [B, C, Y, X] with y 6, x 8.
        var outputs = network.forward(randn([3, 1, 6, 8]));

        Assert.Equal(2, network.Description.Dimensions);
        Assert.Equal(2, outputs.Length);
        Assert.Equal(new long[] { 3, 4, 6, 8 }, outputs[0].shape);
        Assert.Equal(new long[] { 3, 4, 3, 4 }, outputs[1].shape);
        Assert.Equal(new long[] { 16, 8, 1, 2 }, network.named_parameters().Single(p => p.name == "upsampling.0.weight").parameter.shape);
    }

    [Fact]
    public void ResidualEncoderHasResidualBlocksAndTheSameOutputShapes()
    {
        manual_seed(5);
        using var plain = UNet.Create(TinyNetworks.Anisotropic3D());
        using var residual = UNet.Create(TinyNetworks.Anisotropic3D(NetworkArchitecture.ResidualEncoderUNet));
        using var scope = NewDisposeScope();
        var input = randn([1, 2, 2, 8, 8]);

        var outputs = residual.forward(input);
        var names = residual.named_parameters().Select(p => p.name).ToList();

        Assert.Equal(plain.forward(input).Select(o => o.shape), outputs.Select(o => o.shape));
        // Stage 1: two blocks (the first strides and widens, so it has a projection on its skip path).
        Assert.Contains(names, n => n.StartsWith("encoder.1.0.skip.", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("encoder.1.1.second.", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("encoder.1.1.skip.", StringComparison.Ordinal));
        var gradientInput = input.requires_grad_();
        residual.forward(gradientInput)[0].sum().backward();
        Assert.True(gradientInput.grad is not null && gradientInput.grad.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void HeInitialisationDrawsConvolutionWeightsWithLeakyReluGainAndZeroBiases()
    {
        manual_seed(6);
        var description = new NetworkDescription(NetworkArchitecture.PlainUNet, 1, 2,
            [TinyNetworks.Stage(32, [3, 3, 3], [1, 1, 1]), TinyNetworks.Stage(32, [3, 3, 3], [2, 2, 2])]);
        using var network = UNet.Create(description);
        var parameters = network.named_parameters().ToDictionary(p => p.name, p => p.parameter);

        // encoder.0 second convolution: 32 → 32, fan in 32·27 = 864; std = sqrt(2 / (1 + 0.01²) / 864) ≈ 0.04811.
        var weight = parameters.Single(p => p.Key.StartsWith("encoder.0.units.1.convolution.weight", StringComparison.Ordinal)).Value;
        double expected = Math.Sqrt(2.0 / (1 + 1e-4) / 864);
        Assert.InRange(weight.std().item<float>(), expected * 0.95, expected * 1.05);
        Assert.All(parameters.Where(p => p.Key.EndsWith("bias", StringComparison.Ordinal)), p => Assert.Equal(0f, p.Value.abs().max().item<float>()));
        Assert.All(parameters.Where(p => p.Key.EndsWith("norm.weight", StringComparison.Ordinal)), p => Assert.Equal(1f, p.Value.min().item<float>()));
    }

    [Fact]
    public void InputThatDoesNotFitTheNetworkIsRejectedWithItsShape()
    {
        manual_seed(7);
        using var network = UNet.Create(TinyNetworks.Anisotropic3D());
        using var scope = NewDisposeScope();

        var channels = Assert.Throws<ArgumentException>(() => network.forward(randn([1, 1, 2, 8, 8])));
        var divisibility = Assert.Throws<ArgumentException>(() => network.forward(randn([1, 2, 2, 8, 6])));

        Assert.Contains("2 input channel(s); the tensor has 1", channels.Message);
        Assert.Contains("not divisible", divisibility.Message);
    }

    [Fact]
    public void InconsistentDescriptionsAreRejectedNamingTheStage()
    {
        var strided = new NetworkDescription(NetworkArchitecture.PlainUNet, 1, 2,
            [TinyNetworks.Stage(4, [3, 3, 3], [2, 1, 1]), TinyNetworks.Stage(8, [3, 3, 3], [2, 2, 2])]);
        var mixed = new NetworkDescription(NetworkArchitecture.PlainUNet, 1, 2,
            [TinyNetworks.Stage(4, [3, 3, 3], [1, 1, 1]), TinyNetworks.Stage(8, [3, 3], [2, 2])]);
        var evenKernel = new NetworkDescription(NetworkArchitecture.PlainUNet, 1, 2,
            [TinyNetworks.Stage(4, [3, 3, 3], [1, 1, 1]), TinyNetworks.Stage(8, [3, 2, 3], [2, 2, 2])]);

        Assert.Contains("Stage 0 axis x has stride 2", Assert.Throws<ArgumentException>(() => UNet.Create(strided)).Message);
        Assert.Contains("Stage 1 has 2 kernel sizes", Assert.Throws<ArgumentException>(() => UNet.Create(mixed)).Message);
        Assert.Contains("Stage 1 axis y has kernel size 2", Assert.Throws<ArgumentException>(() => UNet.Create(evenKernel)).Message);
    }
}
