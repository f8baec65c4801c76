using static TorchSharp.torch;

namespace Platform.Training.Networks;

/// <summary>2D layers; tuples are (y, x).</summary>
internal sealed class PlanarLayers : SpatialLayers
{
    public override int Dimensions => 2;

    public override nn.Module<Tensor, Tensor> Convolution(long inputs, long outputs, IReadOnlyList<int> kernelXyz, IReadOnlyList<int> strideXyz) =>
        nn.Conv2d(inputs, outputs, Pair(TorchOrder(kernelXyz)), Pair(TorchOrder(strideXyz)), Pair(SamePadding(kernelXyz)), bias: true);

    public override nn.Module<Tensor, Tensor> TransposedConvolution(long inputs, long outputs, IReadOnlyList<int> strideXyz) =>
        nn.ConvTranspose2d(inputs, outputs, Pair(TorchOrder(strideXyz)), Pair(TorchOrder(strideXyz)), bias: true);

    public override nn.Module<Tensor, Tensor> InstanceNorm(long features) =>
        nn.InstanceNorm2d(features, eps: 1e-5, affine: true);

    public override nn.Module<Tensor, Tensor> AveragePool(IReadOnlyList<int> strideXyz) =>
        nn.AvgPool2d(TorchOrder(strideXyz), TorchOrder(strideXyz));

    private static (long, long) Pair(long[] v) => (v[0], v[1]);
}
