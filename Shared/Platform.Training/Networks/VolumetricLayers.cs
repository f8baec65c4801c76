using static TorchSharp.torch;

namespace Platform.Training.Networks;

/// <summary>3D layers; tuples are (z, y, x).</summary>
internal sealed class VolumetricLayers : SpatialLayers
{
    public override int Dimensions => 3;

    public override nn.Module<Tensor, Tensor> Convolution(long inputs, long outputs, IReadOnlyList<int> kernelXyz, IReadOnlyList<int> strideXyz) =>
        nn.Conv3d(inputs, outputs, Triple(TorchOrder(kernelXyz)), Triple(TorchOrder(strideXyz)), Triple(SamePadding(kernelXyz)), bias: true);

    public override nn.Module<Tensor, Tensor> TransposedConvolution(long inputs, long outputs, IReadOnlyList<int> strideXyz) =>
        nn.ConvTranspose3d(inputs, outputs, Triple(TorchOrder(strideXyz)), Triple(TorchOrder(strideXyz)), bias: true);

    public override nn.Module<Tensor, Tensor> InstanceNorm(long features) =>
        nn.InstanceNorm3d(features, eps: 1e-5, affine: true);

    public override nn.Module<Tensor, Tensor> AveragePool(IReadOnlyList<int> strideXyz) =>
        nn.AvgPool3d(TorchOrder(strideXyz), TorchOrder(strideXyz));

    private static (long, long, long) Triple(long[] v) => (v[0], v[1], v[2]);
}
