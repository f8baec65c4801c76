using Platform.Preprocessing.Fingerprint;
using static Platform.Preprocessing.Planning.TargetSpacingRule;

namespace Platform.Preprocessing.Planning;

/// <summary>
/// nnU-Net-style auto-configuration, implemented from its published rules:
/// <list type="number">
/// <item>Target spacing (<see cref="TargetSpacingRule"/>); median shape at that spacing =
///   median physical extent / target spacing, rounded.</item>
/// <item>First patch: a volume of 256³ voxels (2048² in 2D) with the median image's aspect ratio,
///   clipped to the median shape.</item>
/// <item>Topology for that patch (<see cref="NetworkTopology"/>); the patch is rounded up to a
///   multiple of the pooling factor per axis (as nnU-Net does; the border is padding).</item>
/// <item>While the estimated memory at the reference batch (2 in 3D, 12 in 2D) exceeds the budget:
///   shrink the axis largest relative to the median shape by its pooling factor, rebuild the topology.</item>
/// <item>Batch: the largest that fits the budget, capped so one batch covers at most 5% of the
///   dataset's voxels (cases × median shape at target spacing), never below 2.</item>
/// </list>
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
        var patch = InitialPatch(shape, options, notes);
        var topology = NetworkTopology.Build(patch, spacing, options);
        patch = RoundUp(patch, topology.PoolingFactor, notes);

        var budget = options.BudgetBytes;
        var shrinks = 0;
        while (MemoryEstimator.EstimateBytes(patch, topology.Stages, options.FitBatch) > budget)
        {
            var axis = AxisToShrink(patch, shape, topology.PoolingFactor)
                ?? throw new PlanningException(F($"no patch fits {options.GpuMemoryBudgetGb} GB at batch {options.FitBatch}"));
            patch[axis] -= topology.PoolingFactor[axis];
            topology = NetworkTopology.Build(patch, spacing, options);
            patch = RoundUp(patch, topology.PoolingFactor, notes: null);
            shrinks++;
        }
        if (shrinks > 0)
            notes.Add(F($"shrank the patch {shrinks} times (each time the axis largest relative to the median shape, by its pooling factor) to fit {options.GpuMemoryBudgetGb} GB at batch {options.FitBatch}: {Join(patch)}"));

        var batch = ChooseBatch(patch, topology, data.CaseCount, medianShape, options, notes);
        var estimate = MemoryEstimator.EstimateBytes(patch, topology.Stages, batch);
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
        if (options.GpuMemoryBudgetGb <= 0 || options.BaseFeatures <= 0 || options.MinBatchSize < 1
            || options.StageCap < 1 || options.MinFeatureMapEdge < 1 || options.MaxBatchFractionOfDataset <= 0)
            throw new PlanningException("planning options must be positive");
    }

    private static int[] InitialPatch(int[] shape, PlanningOptions options, List<string> notes)
    {
        // Scale the median shape uniformly so the product is edge^dims: same aspect ratio as the median image.
        var volume = Math.Pow(options.StartEdge, shape.Length);
        var scale = Math.Pow(volume / shape.Aggregate(1.0, (p, s) => p * s), 1.0 / shape.Length);
        var patch = shape.Select(s => Math.Max(1, (int)Math.Round(s * scale, MidpointRounding.AwayFromZero))).ToArray();
        var clipped = patch.Select((p, a) => Math.Min(p, shape[a])).ToArray();
        notes.Add(scale >= 1
            ? F($"the median image ({Join(shape)}) is smaller than {options.StartEdge}^{shape.Length} voxels: the patch starts as the whole median image")
            : F($"patch starts at {options.StartEdge}^{shape.Length} voxels shaped like the median image: {Join(clipped)}"));
        return clipped;
    }

    private static int[] RoundUp(int[] patch, int[] factor, List<string>? notes)
    {
        var rounded = patch.Select((p, a) => (p + factor[a] - 1) / factor[a] * factor[a]).ToArray();
        if (notes is not null && !rounded.SequenceEqual(patch))
            notes.Add(F($"patch {Join(patch)} rounded up to {Join(rounded)}, divisible by the pooling factor {Join(factor)}"));
        return rounded;
    }

    /// <summary>The axis with the largest patch/median-shape ratio that can still shrink; ties to the lower axis.</summary>
    private static int? AxisToShrink(int[] patch, int[] shape, int[] factor)
    {
        int? best = null;
        for (var a = 0; a < patch.Length; a++)
        {
            if (patch[a] <= factor[a])
                continue;
            if (best is null || (double)patch[a] / shape[a] > (double)patch[best.Value] / shape[best.Value])
                best = a;
        }
        return best;
    }

    private static int ChooseBatch(int[] patch, NetworkTopology topology, int cases, int[] medianShape, PlanningOptions options, List<string> notes)
    {
        var perSample = MemoryEstimator.EstimateBytes(patch, topology.Stages, 1);
        var fits = (int)Math.Min(int.MaxValue, Math.Floor((options.BudgetBytes / perSample) + Tolerance));
        var datasetVoxels = cases * medianShape.Aggregate(1.0, (p, s) => p * s);
        var patchVoxels = patch.Aggregate(1.0, (p, s) => p * s);
        var capped = (int)Math.Min(int.MaxValue, Math.Floor((options.MaxBatchFractionOfDataset * datasetVoxels / patchVoxels) + Tolerance));
        var batch = Math.Max(Math.Min(fits, capped), options.MinBatchSize);

        var why = capped < fits
            ? F($"capped at {capped} so one batch covers at most {options.MaxBatchFractionOfDataset:P0} of the dataset's {datasetVoxels:0} voxels ({cases} cases × median image)")
            : F($"the largest that fits the budget");
        if (batch > Math.Min(fits, capped))
            why += F($"; raised to the minimum {options.MinBatchSize}");
        notes.Add(F($"batch size {batch}: {fits} would fit the memory budget, ") + why);
        return batch;
    }

    private static string Join(IEnumerable<int> values) => string.Join(" × ", values);
}
