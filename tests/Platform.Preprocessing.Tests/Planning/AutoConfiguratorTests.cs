using Platform.Imaging.Volumes;
using Platform.Preprocessing.Fingerprint;
using Platform.Preprocessing.Planning;

namespace Platform.Preprocessing.Tests.Planning;

/// <summary>
/// Expected values are worked out by hand from nnU-Net's rules (memory: feature-map values per patch,
/// Σ (5·F + classes)·V above the bottleneck plus 2·F·V at it, against 560,000,000 at batch 2 in 8 GB).
/// </summary>
public sealed class AutoConfiguratorTests
{
    private static DatasetSummary Data(Vector3D spacing, Vector3D p10, Vector3D shape, int cases) =>
        new(spacing, p10, shape, new Vector3D(shape.X * spacing.X, shape.Y * spacing.Y, shape.Z * spacing.Z), cases);

    [Fact]
    public void Configure_isotropic_ct_shrinks_160_cubed_to_128_cubed()
    {
        // 1 mm isotropic, median 160³, 50 cases, 2 classes. Target 1 mm; the 256³ start is clipped to the whole
        // image. Pooling 160→80→40→20→10→5: 5 pools, factor 32, 6 stages (32…320). 881,442,000 values > 560,000,000.
        // Shrink x (ratios tie; nnU-Net's (z, y, x) order shrinks x first) to 128: 705,153,600. Then y (x is now
        // 0.8 of the median): 564,122,880. Then z: 128³ = 451,298,304, fits. Batch: 2 × 560,000,000 / 451,298,304 =
        // 2.48 → 2; 5% cap 0.05·50·160³ / 128³ = 4.88 → 5; batch 2, 451,298,304 / 560,000,000 × 8 GB.
        var plan = AutoConfigurator.Configure(Data(new(1, 1, 1), new(1, 1, 1), new(160, 160, 160), 50));

        Assert.Equal(new Vector3D(1, 1, 1), plan.TargetSpacing);
        Assert.Equal([160, 160, 160], plan.MedianShapeAtTarget);
        Assert.Equal([128, 128, 128], plan.PatchSize);
        Assert.Equal(2, plan.BatchSize);
        Assert.Equal([32, 64, 128, 256, 320, 320], plan.Stages.Select(s => s.Features));
        Assert.All(plan.Stages, s => Assert.Equal([3, 3, 3], s.KernelSize));
        Assert.All(plan.Stages, s => Assert.Equal(2, s.Convolutions));
        Assert.Equal([32, 32, 32], plan.PoolingFactor);
        Assert.Equal(8e9 * 451_298_304 / 560_000_000, plan.EstimatedMemoryBytes, 1.0);
        Assert.Contains(plan.Notes, n => n.Contains("shrank the patch 3 times", StringComparison.Ordinal));
    }

    [Fact]
    public void Configure_anisotropic_mri_uses_10th_percentile_and_in_plane_pooling_first()
    {
        // Median spacing 0.8×0.8×5.0 mm, z 10th percentile 3.0, median 128×128×30 voxels, 200 cases.
        // z: 5.0 > 3·0.8 and 30·3 < 128 → target z = 3.0. Extent z = 150 mm → 50 voxels; x, y 128.
        // The 256³ start shaped by 1/spacing (398 × 398 × 106) is clipped to the whole image. Stage 0 spacing
        // (0.8, 0.8, 3.0): z is not below 2·0.8 → kernel (3,3,1). Pool 1: x, y only → spacing (1.6, 1.6, 3.0),
        // kernel (3,3,3) from then on. Pools 2–4: all axes (z 50→25→13→7, halved rounding up). Pool 5: x, y (8→4);
        // z edge 7 < 8 stops. 6 stages, factors 32, 32, 8 → z rounded up from 50 to 56. 246,286,208 values at
        // 128 × 128 × 56: no shrink. Batch: 2 × 560,000,000 / 246,286,208 = 4.55 → 5; 5% cap
        // 0.05·200·128·128·50 / (128·128·56) = 8.93 → 9; batch 5.
        var plan = AutoConfigurator.Configure(Data(new(0.8, 0.8, 5.0), new(0.7, 0.7, 3.0), new(128, 128, 30), 200));

        Assert.Equal(new Vector3D(0.8, 0.8, 3.0), plan.TargetSpacing);
        Assert.Equal([128, 128, 50], plan.MedianShapeAtTarget);
        Assert.Equal([128, 128, 56], plan.PatchSize);
        Assert.Equal(5, plan.BatchSize);
        Assert.Equal([32, 32, 8], plan.PoolingFactor);
        Assert.Equal([1, 1, 1], plan.Stages[0].Stride);
        Assert.Equal([2, 2, 1], plan.Stages[1].Stride);
        Assert.Equal([2, 2, 2], plan.Stages[2].Stride);
        Assert.Equal([2, 2, 1], plan.Stages[5].Stride);
        Assert.Equal([3, 3, 1], plan.Stages[0].KernelSize);
        Assert.All(plan.Stages.Skip(1), s => Assert.Equal([3, 3, 3], s.KernelSize));
        Assert.Equal([32, 64, 128, 256, 320, 320], plan.Stages.Select(s => s.Features));
        Assert.Contains(plan.Notes, n => n.Contains("10th percentile 3 mm", StringComparison.Ordinal));
    }

    [Theory]
    // 1 mm, median 64³: patch = whole image 64³, pools 64→4 (4 pools, 5 stages), 56,345,600 values:
    // 2 × 560,000,000 / 56,345,600 = 19.9 → 20 fit in 8 GB. 5% cap: 110 cases → 0.05·110·64³ / 64³ = 5.5 → 6
    // (rounded half to even, as Python's round); 20 cases → 1 → raised to 2.
    [InlineData(110, 6)]
    [InlineData(20, 2)]
    [InlineData(1000, 20)]
    public void Configure_small_images_batch_is_capped_by_the_dataset_share(int cases, int expectedBatch)
    {
        var plan = AutoConfigurator.Configure(Data(new(1, 1, 1), new(1, 1, 1), new(64, 64, 64), cases));

        Assert.Equal([64, 64, 64], plan.PatchSize);
        Assert.Equal(5, plan.Stages.Count);
        Assert.Equal(expectedBatch, plan.BatchSize);
    }

    [Fact]
    public void Configure_tiny_images_patch_is_the_whole_image_rounded_to_pooling()
    {
        // 1 mm, median 50×40×20. Whole image. Pool 1: all (→ 25, 20, 10); pool 2: all (→ 13, 10, 5);
        // pool 3: x, y (z edge 5 < 8) (→ 7, 5, 5); then nothing ≥ 8: 4 stages, factors 8, 8, 4.
        // 50 → 56, 40 stays, 20 stays.
        var plan = AutoConfigurator.Configure(Data(new(1, 1, 1), new(1, 1, 1), new(50, 40, 20), 30));

        Assert.Equal([56, 40, 20], plan.PatchSize);
        Assert.Equal([8, 8, 4], plan.PoolingFactor);
        Assert.Equal([32, 64, 128, 256], plan.Stages.Select(s => s.Features));
        Assert.Equal([2, 2, 1], plan.Stages[3].Stride);
    }

    [Fact]
    public void Configure_2d_uses_in_plane_axes_and_caps_features_at_512()
    {
        // 2D on 512×512 slices: 512 → 4 is 7 pools, 8 stages: 32, 64, …, 512, 512.
        var plan = AutoConfigurator.Configure(
            Data(new(0.7, 0.7, 2.5), new(0.7, 0.7, 2.5), new(512, 512, 120), 100),
            new PlanningOptions { Dimensions = NetworkDimensions.TwoD });

        Assert.Equal(2, plan.PatchSize.Count);
        Assert.Equal([32, 64, 128, 256, 512, 512, 512, 512], plan.Stages.Select(s => s.Features));
        Assert.True(plan.BatchSize >= 12 || plan.PatchSize[0] < 512);
        Invariants.Hold(plan, new PlanningOptions { Dimensions = NetworkDimensions.TwoD }, 100);
    }

    [Fact]
    public void Configure_from_fingerprint_matches_configure_from_summary()
    {
        var cases = Enumerable.Range(0, 9).Select(i => new CaseStatistics(
            $"c{i}", "ds", new GridSize(100 + i, 90, 40), new Vector3D(0.9, 0.9, 2.0), [], [])).ToList();
        var fingerprint = FingerprintBuilder.Build(cases);

        var a = AutoConfigurator.Configure(fingerprint);
        // Medians by hand: x shape 104 (odd count: the middle of 100…108), extent 104·0.9 = 93.6 mm.
        var b = AutoConfigurator.Configure(new DatasetSummary(new(0.9, 0.9, 2.0), new(0.9, 0.9, 2.0), new(104, 90, 40), new(93.6, 81, 80), 9));

        Assert.Equal(b.PatchSize, a.PatchSize);
        Assert.Equal(b.TargetSpacing, a.TargetSpacing);
        Assert.Equal([104, 90, 40], a.MedianShapeAtTarget);
    }

    [Fact]
    public void Configure_budget_too_small_is_an_explicit_error()
    {
        Assert.Throws<PlanningException>(() => AutoConfigurator.Configure(
            Data(new(1, 1, 1), new(1, 1, 1), new(64, 64, 64), 10), new PlanningOptions { GpuMemoryBudgetGb = 1e-9 }));
        Assert.Throws<PlanningException>(() => AutoConfigurator.Configure(Data(new(1, 1, 1), new(1, 1, 1), new(64, 64, 64), 0)));
    }
}
