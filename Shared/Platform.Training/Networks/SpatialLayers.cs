using static TorchSharp.torch;

namespace Platform.Training.Networks;

/// <summary>
/// Creates the layers whose type depends on the number of spatial dimensions, so the U-Net is written once for
/// 2D and 3D. Sizes arrive in the plan's (x, y[, z]) order and leave in torch's dimension order ([z,] y, x):
/// that reversal is the one place where a wrong axis would silently give an anisotropic network the wrong kernels.
/// </summary>
internal abstract class SpatialLayers
{
    public static SpatialLayers For(int dimensions) => dimensions switch
    {
        2 => new PlanarLayers(),
        3 => new VolumetricLayers(),
        _ => throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "A network is 2D or 3D."),
    };

    public abstract int Dimensions { get; }

    /// <summary>A convolution with 'same' padding ((k - 1) / 2 per axis), so only the stride changes the size.</summary>
    public abstract nn.Module<Tensor, Tensor> Convolution(long inputs, long outputs, IReadOnlyList<int> kernelXyz, IReadOnlyList<int> strideXyz);

    /// <summary>A transposed convolution that undoes a stride: kernel = stride = <paramref name="strideXyz"/>.</summary>
    public abstract nn.Module<Tensor, Tensor> TransposedConvolution(long inputs, long outputs, IReadOnlyList<int> strideXyz);

    /// <summary>Instance normalisation with affine parameters and eps 1e-5, as nnU-Net configures it.</summary>
    public abstract nn.Module<Tensor, Tensor> InstanceNorm(long features);

    /// <summary>Average pooling with kernel = stride, used on the strided skip path of a residual block.</summary>
    public abstract nn.Module<Tensor, Tensor> AveragePool(IReadOnlyList<int> strideXyz);

    /// <summary>(x, y[, z]) → torch order ([z,] y, x).</summary>
    protected static long[] TorchOrder(IReadOnlyList<int> xyz) => xyz.Reverse().Select(v => (long)v).ToArray();

    protected static long[] SamePadding(IReadOnlyList<int> kernelXyz) => TorchOrder(kernelXyz.Select(k => (k - 1) / 2).ToArray());
}
