using Platform.Preprocessing.Fingerprint;
using static Platform.Preprocessing.Planning.TargetSpacingRule;

namespace Platform.Preprocessing.Planning;

/// <summary>
/// nnU-Net v2's auto-configuration (its default ExperimentPlanner), implemented from its rules:
/// <list type="number">
/// <item>Target spacing (<see cref="TargetSpacingRule"/>); median shape at that spacing =
///   median physical extent / target spacing, rounded.</item>
/// <item>First patch: a volume of 256³ voxels (2048² in 2D) shaped by the inverse target spacing (a cube in mm),
///   clipped to the median shape.</item>
/// <item>Topology for that patch (<see cref="NetworkTopology"/>); the patch is rounded up to a
///   multiple of the pooling factor per axis (as nnU-Net does; the border is padding).</item>
/// <item>While the estimated memory (<see cref="MemoryEstimator"/>) at batch 2 exceeds the budget: shrink the axis
///   largest relative to the median shape by the pooling factor of the patch shrunk once, rebuild the topology.</item>
/// <item>Batch: what the budget holds, rounded (so it may run slightly over it, as nnU-Net's does), capped so one
///   batch covers at most 5% of the dataset's voxels (cases × median 3D image at target spacing), never below 2.</item>
/// </list>
/// Ties go as in nnU-Net, whose arrays run (z, y, x) and put the coarsest axis first: among equally large axes the
/// one shrunk first is x, then y. nnU-Net also plans 3d_lowres (a cascade) for large images; the platform plans one
/// configuration per plan.
/// </summary>
public static class AutoConfigurator
{
    // Keeps an exact ratio such as 5.0 from flooring to 4 through binary rounding (0.05 is inexact).
    private const double Tolerance = 1e-9;

    public static AutoPlan Configure(ProjectFingerprint fingerprint, PlanningOptions? options = null) =>
        Configure(DatasetSummary.From(fingerprint), options);

    public static AutoPlan Configure(DatasetSummary data, PlanningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new PlanningOptions();
        Check(data, options);
        var notes = new List<string>();

        var (target, spacingNote) = Choose(data);
        notes.Add(spacingNote);
        var axes = options.Axes;
        var medianShape = Enumerable.Range(0, 3)
            .Select(a => Math.Max(1, (int)Math.Round(data.MedianExtent[a] / target[a], MidpointRounding.AwayFromZero)))
            .ToArray();
        notes.Add(F($"median image at target spacing: {string.Join(" × ", medianShape)} voxels"));
        if (axes == 2)
            notes.Add("2D network on (x, y) slices");

        var spacing = new[] { target.X, target.Y, target.Z }[..axes];
        var shape = medianShape[..axes];
        var patch = InitialPatch(spacing, shape, options, notes);
        var topology = NetworkTopology.Build(patch, spacing, options);
        patch = RoundUp(patch, topology.PoolingFactor, notes);

        var budget = options.BudgetBytes;
        var shrinkOrder = ShrinkOrder(new[] { target.X, target.Y, target.Z }, axes);
        var shrinks = 0;
        while (MemoryEstimator.EstimateBytes(patch, topology.Stages, data.Classes, options.FitBatch) > budget)
        {
            var axis = AxisToShrink(patch, shape, topology.PoolingFactor, shrinkOrder)
                ?? throw new PlanningException(F($"no patch fits {options.GpuMemoryBudgetGb} GB at batch {options.FitBatch}"));
            // The step is the pooling factor of the patch once shrunk, so no size the topology allows is skipped
            // (256 with factor 64 goes to 224, not 192).
            var shrunk = (int[])patch.Clone();
            shrunk[axis] -= topology.PoolingFactor[axis];
            patch[axis] -= NetworkTopology.Build(shrunk, spacing, options).PoolingFactor[axis];
            topology = NetworkTopology.Build(patch, spacing, options);
            patch = RoundUp(patch, topology.PoolingFactor, notes: null);
            shrinks++;
        }
        if (shrinks > 0)
            notes.Add(F($"shrank the patch {shrinks} times (each time the axis largest relative to the median shape, by its pooling factor) to fit {options.GpuMemoryBudgetGb} GB at batch {options.FitBatch}: {Join(patch)}"));

        var batch = ChooseBatch(patch, topology, data, medianShape, options, notes);
        var estimate = MemoryEstimator.EstimateBytes(patch, topology.Stages, data.Classes, batch);
        notes.Add(F($"{topology.Stages.Count} stages, pooling {Join(topology.PoolingFactor)}, features {string.Join(", ", topology.Stages.Select(s => s.Features))}; estimated memory {estimate / 1e9:0.00} GB of {options.GpuMemoryBudgetGb} GB"));

        return new AutoPlan(options.Dimensions, target, medianShape, patch, batch, topology.Stages,
            (long)estimate, (long)budget, notes);
    }

    private static void Check(DatasetSummary data, PlanningOptions options)
    {
        if (data.CaseCount <= 0)
            throw new PlanningException("the fingerprint has no cases");
        for (var a = 0; a < 3; a++)
        {
            if (!(data.MedianSpacing[a] > 0 && data.Spacing10thPercentile[a] > 0 && data.MedianShape[a] > 0 && data.MedianExtent[a] > 0))
                throw new PlanningException(F($"median spacing, shape and extent must be positive on every axis ({Axis(a)})"));
        }
        if (data.Classes < 1)
            throw new PlanningException("a dataset has at least one class");
        if (options.GpuMemoryBudgetGb <= 0 || options.BaseFeatures <= 0 || options.MinBatchSize < 1
            || options.StageCap < 1 || options.MinFeatureMapEdge < 1 || options.MaxBatchFractionOfDataset <= 0)
            throw new PlanningException("planning options must be positive");
    }

    private static int[] InitialPatch(double[] spacing, int[] shape, PlanningOptions options, List<string> notes)
    {
        // Proportional to 1/spacing (the same extent in mm on every axis), scaled to a volume of edge^dims voxels.
        var inverse = spacing.Select(s => 1 / s).ToArray();
        var scale = Math.Pow(Math.Pow(options.StartEdge, spacing.Length) / inverse.Aggregate(1.0, (p, v) => p * v), 1.0 / spacing.Length);
        var patch = inverse.Select(v => Math.Max(1, (int)Math.Round(v * scale, MidpointRounding.ToEven))).ToArray();
        var clipped = patch.Select((p, a) => Math.Min(p, shape[a])).ToArray();
        notes.Add(clipped.SequenceEqual(shape)
            ? F($"the median image ({Join(shape)}) is within {options.StartEdge}^{shape.Length} voxels of equal extent in mm: the patch starts as the whole median image")
            : F($"patch starts at {options.StartEdge}^{shape.Length} voxels of equal extent in mm ({Join(patch)}), clipped to the median image: {Join(clipped)}"));
        return clipped;
    }

    private static int[] RoundUp(int[] patch, int[] factor, List<string>? notes)
    {
        var rounded = patch.Select((p, a) => (p + factor[a] - 1) / factor[a] * factor[a]).ToArray();
        if (notes is not null && !rounded.SequenceEqual(patch))
            notes.Add(F($"patch {Join(patch)} rounded up to {Join(rounded)}, divisible by the pooling factor {Join(factor)}"));
        return rounded;
    }

    /// <summary>
    /// nnU-Net's axis order: its arrays run (z, y, x), the reverse of ours, with the coarsest axis moved to the front
    /// (the last of equally coarse ones in our order). Of equally shrinkable axes it shrinks the last in that order.
    /// </summary>
    private static int[] ShrinkOrder(double[] target, int axes)
    {
        var coarsest = Enumerable.Range(0, 3).Aggregate((best, a) => target[a] >= target[best] ? a : best);
        return Enumerable.Range(0, axes).OrderBy(a => a == coarsest ? 0 : 1).ThenByDescending(a => a).ToArray();
    }

    /// <summary>The axis with the largest patch/median-shape ratio that can still shrink; ties to the last in <paramref name="order"/>.</summary>
    private static int? AxisToShrink(int[] patch, int[] shape, int[] factor, int[] order)
    {
        int? best = null;
        foreach (var a in order)
        {
            if (patch[a] <= factor[a])
                continue;
            if (best is null || (double)patch[a] / shape[a] >= (double)patch[best.Value] / shape[best.Value])
                best = a;
        }
        return best;
    }

    private static int ChooseBatch(int[] patch, NetworkTopology topology, DatasetSummary data, int[] medianShape, PlanningOptions options, List<string> notes)
    {
        var perSample = MemoryEstimator.EstimateBytes(patch, topology.Stages, data.Classes, 1);
        var fits = (int)Math.Min(int.MaxValue, Math.Round(options.BudgetBytes / perSample, MidpointRounding.ToEven));
        // The 3D dataset's voxels, in 2D too: nnU-Net's cap counts the whole images, not one slice each.
        var datasetVoxels = data.CaseCount * medianShape.Aggregate(1.0, (p, s) => p * s);
        var patchVoxels = patch.Aggregate(1.0, (p, s) => p * s);
        var capped = (int)Math.Min(int.MaxValue, Math.Round((options.MaxBatchFractionOfDataset * datasetVoxels / patchVoxels) + Tolerance, MidpointRounding.ToEven));
        var batch = Math.Max(Math.Min(fits, capped), options.MinBatchSize);

        var why = capped < fits
            ? F($"capped at {capped} so one batch covers about {options.MaxBatchFractionOfDataset:P0} of the dataset's {datasetVoxels:0} voxels ({data.CaseCount} cases × median image)")
            : F($"what the budget holds, rounded");
        if (batch > Math.Min(fits, capped))
            why += F($"; raised to the minimum {options.MinBatchSize}");
        notes.Add(F($"batch size {batch}: the memory budget holds {options.BudgetBytes / perSample:0.##} patches, ") + why);
        return batch;
    }

    private static string Join(IEnumerable<int> values) => string.Join(" × ", values);
}
