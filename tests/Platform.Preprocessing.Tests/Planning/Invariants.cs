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
        Assert.True(plan.EstimatedMemoryBytes <= plan.MemoryBudgetBytes);
        Assert.True(plan.BatchSize >= 2);
        Assert.All(plan.Stages, s => Assert.InRange(s.Features, 1, cap));
        Assert.All(plan.Stages, s => Assert.All(s.Stride, st => Assert.Contains(st, new[] { 1, 2 })));

        double datasetVoxels = cases * plan.MedianShapeAtTarget.Aggregate(1.0, (p, s) => p * s);
        double batchVoxels = plan.BatchSize * plan.PatchSize.Aggregate(1.0, (p, s) => p * s);
        Assert.True(plan.BatchSize == 2 || batchVoxels <= 0.05 * datasetVoxels * (1 + 1e-9), $"batch {plan.BatchSize} covers {batchVoxels / datasetVoxels:P1}");
    }
}
