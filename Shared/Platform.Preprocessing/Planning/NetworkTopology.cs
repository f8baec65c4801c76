namespace Platform.Preprocessing.Planning;

/// <summary>Stages of a U-Net for one patch, and the pooling factor the patch must be divisible by.</summary>
internal sealed record NetworkTopology(IReadOnlyList<NetworkStage> Stages, int[] PoolingFactor)
{
    /// <summary>
    /// Pooling and kernels from nnU-Net's rules, written from their description:
    /// <list type="bullet">
    /// <item>Each new stage pools (stride 2) every axis whose feature-map edge is still ≥ 2 × the
    ///   minimum edge (so it never drops below it) and whose current spacing is at most 2× the finest
    ///   current spacing: a much coarser axis waits until pooling the others catches it up.</item>
    /// <item>Kernel 3 on axes whose current spacing is at most 2× the finest, 1 on coarser ones (the
    ///   out-of-plane axis of thick-slice data); once an axis has kernel 3 it keeps it, since in-plane
    ///   pooling that later overtakes it must not take its context away again.</item>
    /// <item>Features: base, doubling per stage, capped; stages up to the cap.</item>
    /// </list>
    /// </summary>
    public static NetworkTopology Build(int[] patch, double[] spacing, PlanningOptions options)
    {
        var n = patch.Length;
        var edge = (int[])patch.Clone();
        var current = (double[])spacing.Clone();
        var factor = Enumerable.Repeat(1, n).ToArray();
        var stages = new List<NetworkStage>
        {
            new(options.BaseFeatures, Kernels(current, null), Enumerable.Repeat(1, n).ToArray(), options.ConvolutionsPerStage),
        };

        while (stages.Count < options.StageCap)
        {
            var finest = current.Min();
            var pool = Enumerable.Range(0, n)
                .Where(a => edge[a] >= 2 * options.MinFeatureMapEdge && current[a] <= 2 * finest)
                .ToHashSet();
            if (pool.Count == 0)
                break;

            var stride = new int[n];
            for (var a = 0; a < n; a++)
            {
                stride[a] = pool.Contains(a) ? 2 : 1;
                edge[a] /= stride[a];
                current[a] *= stride[a];
                factor[a] *= stride[a];
            }
            var features = (int)Math.Min((long)options.BaseFeatures << stages.Count, options.FeatureCap);
            stages.Add(new NetworkStage(features, Kernels(current, stages[^1].KernelSize), stride, options.ConvolutionsPerStage));
        }
        return new NetworkTopology(stages, factor);
    }

    private static int[] Kernels(double[] spacing, IReadOnlyList<int>? previous)
    {
        var finest = spacing.Min();
        return spacing.Select((s, a) => s <= 2 * finest || previous?[a] == 3 ? 3 : 1).ToArray();
    }
}
