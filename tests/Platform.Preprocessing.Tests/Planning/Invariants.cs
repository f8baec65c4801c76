using Platform.Preprocessing.Planning;

namespace Platform.Preprocessing.Tests.Planning;

/// <summary>Properties every auto-configured plan must satisfy, recomputed independently.</summary>
internal static class Invariants
{
    public static void Hold(AutoPlan plan, PlanningOptions options, int cases)
    {
        var axes = plan.PatchSize.Count;
        var cap = options.Dimensions == NetworkDimensions.ThreeD ? 320 : 512;
        var factor = new int[axes];
        for (var a = 0; a < axes; a++)
            factor[a] = plan.Stages.Aggregate(1, (f, s) => f * s.Stride[a]);

        for (var a = 0; a < axes; a++)
        {
            Assert.Equal(0, plan.PatchSize[a] % factor[a]);
            Assert.True(plan.PatchSize[a] / factor[a] >= 4 || factor[a] == 1, $"bottleneck edge {plan.PatchSize[a] / factor[a]} on axis {a}");
        }
        // nnU-Net's rules: two patches fit the budget, and the batch is what fits rounded (so at most half a patch over).
        var perPatch = plan.EstimatedMemoryBytes / (double)plan.BatchSize;
        Assert.True(2 * perPatch <= plan.MemoryBudgetBytes * (1 + 1e-9), $"two patches take {2 * perPatch / 1e9:0.00} GB");
        Assert.True(plan.BatchSize == 2 || (plan.BatchSize - 0.5) * perPatch <= plan.MemoryBudgetBytes * (1 + 1e-9), $"batch {plan.BatchSize} of {perPatch / 1e9:0.00} GB patches");
        Assert.True(plan.BatchSize >= 2);
        Assert.All(plan.Stages, s => Assert.InRange(s.Features, 1, cap));
        Assert.All(plan.Stages, s => Assert.All(s.Stride, st => Assert.Contains(st, new[] { 1, 2 })));

        double datasetVoxels = cases * plan.MedianShapeAtTarget.Aggregate(1.0, (p, s) => p * s);
        double batchVoxels = plan.BatchSize * plan.PatchSize.Aggregate(1.0, (p, s) => p * s);
        var patchVoxels = plan.PatchSize.Aggregate(1.0, (p, s) => p * s);
        Assert.True(plan.BatchSize == 2 || batchVoxels - (0.5 * patchVoxels) <= 0.05 * datasetVoxels * (1 + 1e-9), $"batch {plan.BatchSize} covers {batchVoxels / datasetVoxels:P1}");
    }
}
