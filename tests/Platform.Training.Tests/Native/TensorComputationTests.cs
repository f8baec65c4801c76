using static TorchSharp.torch;

namespace Platform.Training.Tests.Native;

/// <summary>
/// Small computations checked against values worked out without libtorch. They are also the proof that
/// libLibTorchSharp.so loads: without build/patch-libtorchsharp.sh on a libstdc++ older than GCC 13's
/// (Debian 12), the first torch call throws.
/// </summary>
public sealed class TensorComputationTests
{
    [Fact]
    public void MatrixMultiplyMatchesHandComputedProduct()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var b = tensor(new float[] { 7, 8, 9, 10, 11, 12 }, 3, 2);

        var product = matmul(a, b);

        // [1 2 3; 4 5 6] x [7 8; 9 10; 11 12] = [1*7+2*9+3*11, 1*8+2*10+3*12; 4*7+5*9+6*11, 4*8+5*10+6*12]
        Assert.Equal(new long[] { 2, 2 }, product.shape);
        Assert.Equal(new float[] { 58, 64, 139, 154 }, product.data<float>().ToArray());
    }

    [Fact]
    public void Conv3dForwardAndBackwardMatchDirectLoops()
    {
        // 1 sample, 2 input channels, 3x4x5 volume; 2 output channels, 2x2x2 kernel, stride 1, no padding.
        const int cin = 2, cout = 2, d = 3, h = 4, w = 5, k = 2;
        const int od = d - k + 1, oh = h - k + 1, ow = w - k + 1;
        double[] x = Sequence(cin * d * h * w, i => Math.Sin(i * 0.37) + 0.1 * i);
        double[] wt = Sequence(cout * cin * k * k * k, i => 0.05 * i - 0.3);
        double[] bias = { 0.25, -0.5 };
        // Upstream gradient dL/dy, so that the backward pass is checked with unequal weights per output.
        double[] g = Sequence(cout * od * oh * ow, i => Math.Cos(i * 0.21));

        using var scope = NewDisposeScope();
        var input = tensor(x, ScalarType.Float64).reshape(1, cin, d, h, w).requires_grad_();
        var weight = tensor(wt, ScalarType.Float64).reshape(cout, cin, k, k, k).requires_grad_();
        var biasT = tensor(bias, ScalarType.Float64).requires_grad_();

        var y = nn.functional.conv3d(input, weight, biasT);
        var loss = (y * tensor(g, ScalarType.Float64).reshape(1, cout, od, oh, ow)).sum();
        loss.backward();

        // Reference: the definition of a cross-correlation and its gradients, written as plain loops.
        int X(int c, int z, int yy, int xx) => ((c * d + z) * h + yy) * w + xx;
        int W(int o, int c, int z, int yy, int xx) => (((o * cin + c) * k + z) * k + yy) * k + xx;
        int Y(int o, int z, int yy, int xx) => ((o * od + z) * oh + yy) * ow + xx;
        var yRef = new double[cout * od * oh * ow];
        var dx = new double[x.Length];
        var dw = new double[wt.Length];
        var db = new double[cout];
        for (int o = 0; o < cout; o++)
        for (int z = 0; z < od; z++)
        for (int yy = 0; yy < oh; yy++)
        for (int xx = 0; xx < ow; xx++)
        {
            double sum = bias[o];
            double up = g[Y(o, z, yy, xx)];
            db[o] += up;
            for (int c = 0; c < cin; c++)
            for (int kz = 0; kz < k; kz++)
            for (int ky = 0; ky < k; ky++)
            for (int kx = 0; kx < k; kx++)
            {
                int xi = X(c, z + kz, yy + ky, xx + kx), wi = W(o, c, kz, ky, kx);
                sum += x[xi] * wt[wi];
                dx[xi] += up * wt[wi];
                dw[wi] += up * x[xi];
            }
            yRef[Y(o, z, yy, xx)] = sum;
        }

        Assert.Equal(new long[] { 1, cout, od, oh, ow }, y.shape);
        AssertClose(yRef, y.data<double>().ToArray());
        AssertClose(dx, input.grad!.data<double>().ToArray());
        AssertClose(dw, weight.grad!.data<double>().ToArray());
        AssertClose(db, biasT.grad!.data<double>().ToArray());
    }

    [Fact]
    public void Conv3dWithOnesKernelSumsEachWindow()
    {
        // A 2x2x2 kernel of ones over 0..26 in a 3x3x3 volume: each output is the sum of its window,
        // e.g. the first is 0+1+3+4+9+10+12+13 = 52, and each step in x, y, z adds 8, 24, 72.
        using var scope = NewDisposeScope();
        var input = arange(27, ScalarType.Float32).reshape(1, 1, 3, 3, 3);
        var weight = ones(new long[] { 1, 1, 2, 2, 2 }, ScalarType.Float32);

        var y = nn.functional.conv3d(input, weight);

        Assert.Equal(new float[] { 52, 60, 76, 84, 124, 132, 148, 156 }, y.data<float>().ToArray());
    }

    private static double[] Sequence(int length, Func<int, double> value) =>
        Enumerable.Range(0, length).Select(value).ToArray();

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-9 * (1 + Math.Abs(expected[i])),
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
