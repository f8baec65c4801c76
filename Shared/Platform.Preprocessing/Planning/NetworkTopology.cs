namespace Platform.Preprocessing.Planning;

/// <summary>Stages of a U-Net for one patch, and the pooling factor the patch must be divisible by.</summary>
internal sealed record NetworkTopology(IReadOnlyList<NetworkStage> Stages, int[] PoolingFactor)
{
    /// <summary>
    /// Pooling and kernels by nnU-Net v2's rules (get_pool_and_conv_props), written from them:
    /// <list type="bullet">
    /// <item>An axis may pool while its feature-map edge is at least 2 × the minimum edge (4) and its current spacing
    ///   is less than 2× the finest current spacing among the axes that may pool; a much coarser axis waits until
    ///   pooling the others catches it up. When only one axis may pool, its edge must be at least 3 × the minimum.
    ///   A pooled edge is halved rounding up.</item>
    /// <item>Kernel 3 on an axis once its current spacing is less than 2× the finest, 1 before (the out-of-plane axis
    ///   of thick-slice data); once 3 it stays 3. The bottleneck always convolves with 3.</item>
    /// <item>Features: base, doubling per stage, capped. nnU-Net has no cap on the number of stages; ours is optional.</item>
    /// </list>
    /// </summary>
    public static NetworkTopology Build(int[] patch, double[] spacing, PlanningOptions options)
    {
        var n = patch.Length;
        var edge = patch.Select(p => (double)p).ToArray();
        var current = (double[])spacing.Clone();
        var factor = Enumerable.Repeat(1, n).ToArray();
        var kernel = Enumerable.Repeat(1, n).ToArray();
        var strides = new List<int[]> { Enumerable.Repeat(1, n).ToArray() };
        var kernels = new List<int[]>();
        var minEdge = options.MinFeatureMapEdge;

        while (strides.Count < options.StageCap)
        {
            var poolable = Enumerable.Range(0, n).Where(a => edge[a] >= 2 * minEdge).ToList();
            if (poolable.Count == 0)
                break;
            var finestPoolable = poolable.Min(a => current[a]);
            poolable = poolable.Where(a => current[a] / finestPoolable < 2).ToList();
            if (poolable.Count == 1 && edge[poolable[0]] < 3 * minEdge)
                break;

            var finest = current.Min();
            for (var a = 0; a < n; a++)
            {
                if (current[a] / finest < 2)
                    kernel[a] = 3;
            }

            kernels.Add((int[])kernel.Clone());
            var stride = new int[n];
            for (var a = 0; a < n; a++)
            {
                stride[a] = poolable.Contains(a) ? 2 : 1;
                edge[a] = Math.Ceiling(edge[a] / stride[a]);
                current[a] *= stride[a];
                factor[a] *= stride[a];
            }

            strides.Add(stride);
        }

        kernels.Add(Enumerable.Repeat(3, n).ToArray());
        var stages = strides.Select((stride, s) => new NetworkStage(
            (int)Math.Min((long)options.BaseFeatures << s, options.FeatureCap), kernels[s], stride, options.ConvolutionsPerStage)).ToList();
        return new NetworkTopology(stages, factor);
    }
}
