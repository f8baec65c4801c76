using Platform.Imaging.Volumes;
using Platform.Preprocessing.Planning;

namespace Platform.Preprocessing.Tests.Planning;

/// <summary>
/// The planner against plans nnU-Net v2's default ExperimentPlanner (8 GB) wrote for real datasets, published with
/// their fingerprints in public repositories: the fingerprint's medians go in, nnU-Net's 3d_fullres and 2d choices
/// must come out. nnU-Net's arrays are (z, y, x); ours are (x, y, z), so every figure below is nnU-Net's reversed.
/// Where nnU-Net's file gives the median image at target spacing (its median_image_size_in_voxels) it is the median
/// shape here, at that spacing.
/// Known difference outside the planner: nnU-Net's shapes are after cropping to the nonzero region, the platform's
/// fingerprint holds whole images. For CT (air is not zero) they agree; for skull-stripped MR they do not (BraTS:
/// 140 × 171 × 137 cropped, 240 × 240 × 155 whole), so the same planner gets a larger median image from the platform.
/// </summary>
public sealed class PublishedPlansTests
{
    /// <param name="spacing">Median spacing (mm, x/y/z).</param>
    /// <param name="p10">10th percentile spacing.</param>
    /// <param name="shape">Median shape after cropping, at each case's own spacing.</param>
    /// <param name="cases">numTraining.</param>
    /// <param name="classes">Labels of dataset.json, background included (the output channels nnU-Net counts).</param>
    private static DatasetSummary Data(Vector3D spacing, Vector3D p10, Vector3D shape, int cases, int classes) =>
        new(spacing, p10, shape, new Vector3D(shape.X * spacing.X, shape.Y * spacing.Y, shape.Z * spacing.Z), cases, classes);

    private static readonly PlanningOptions TwoD = new() { Dimensions = NetworkDimensions.TwoD };

    /// <summary>
    /// MSD Task06 Lung as nnU-Net's Dataset006_Lung (HEAD of Usamakhan843/3D-Lung-Tumor-Segmentation-with-nnU-Net:
    /// dataset_fingerprint.json, nnUNetPlans.json): 63 CT cases, median spacing 1.245 × 0.785 × 0.785 mm (z, y, x),
    /// 10th percentile 0.998 × 0.695 × 0.695, median shape 252 × 512 × 512; labels background and cancer.
    /// nnU-Net: 3d_fullres patch [80, 192, 160], batch 2, strides (2,2,2) ×4 then (1,2,2), all kernels 3;
    /// 2d patch [512, 512], batch 12, 8 stages up to 512 features.
    /// </summary>
    private static readonly DatasetSummary Lung = Data(new(0.78515625, 0.78515625, 1.244979977607727), new(0.6953125, 0.6953125, 0.9978723526000977), new(512, 512, 252), 63, 2);

    [Fact]
    public void Msd_lung_3d_fullres_matches_nnunets_plan()
    {
        var plan = AutoConfigurator.Configure(Lung);

        Assert.Equal(new Vector3D(0.78515625, 0.78515625, 1.244979977607727), plan.TargetSpacing);
        Assert.Equal([512, 512, 252], plan.MedianShapeAtTarget);
        Assert.Equal([160, 192, 80], plan.PatchSize);
        Assert.Equal(2, plan.BatchSize);
        Assert.Equal([32, 64, 128, 256, 320, 320], plan.Stages.Select(s => s.Features));
        Assert.Equal([[1, 1, 1], [2, 2, 2], [2, 2, 2], [2, 2, 2], [2, 2, 2], [2, 2, 1]], plan.Stages.Select(s => s.Stride.ToArray()));
        Assert.All(plan.Stages, s => Assert.Equal([3, 3, 3], s.KernelSize));
    }

    [Fact]
    public void Msd_lung_2d_matches_nnunets_plan()
    {
        var plan = AutoConfigurator.Configure(Lung, TwoD);

        Assert.Equal([512, 512], plan.PatchSize);
        // The 5% cap counts the 3D dataset's voxels (252 × 512 × 512 × 63), as nnU-Net does for its 2d configuration.
        Assert.Equal(12, plan.BatchSize);
        Assert.Equal([32, 64, 128, 256, 512, 512, 512, 512], plan.Stages.Select(s => s.Features));
    }

    /// <summary>
    /// BraTS 2021 as Dataset137_BraTS2021 (HEAD of katieliuu/cs231n: nnUNetPlans.json): 1251 cases of four MR channels,
    /// 1 mm, median image 140 × 171 × 137; four labels (background and three regions). nnU-Net: 3d_fullres 128³, batch
    /// 2, five isotropic poolings; 2d [192, 160] (y, x), batch 105.
    /// </summary>
    private static readonly DatasetSummary Brats = Data(new(1, 1, 1), new(1, 1, 1), new(137, 171, 140), 1251, 4);

    [Fact]
    public void Brats_2021_3d_fullres_matches_nnunets_plan()
    {
        var plan = AutoConfigurator.Configure(Brats);

        Assert.Equal([128, 128, 128], plan.PatchSize);
        Assert.Equal(2, plan.BatchSize);
        Assert.Equal(6, plan.Stages.Count);
        Assert.All(plan.Stages.Skip(1), s => Assert.Equal([2, 2, 2], s.Stride));
    }

    [Fact]
    public void Brats_2021_2d_matches_nnunets_plan_to_the_batch_size()
    {
        // nnU-Net: 12 × 85,000,000 / 9,717,600 feature-map values per slice = 104.96 → 105.
        var plan = AutoConfigurator.Configure(Brats, TwoD);

        Assert.Equal([160, 192], plan.PatchSize);
        Assert.Equal(105, plan.BatchSize);
        Assert.Equal(6, plan.Stages.Count);
    }

    /// <summary>
    /// autoPET (FDG-PET/CT) as Dataset102_PETCT (HEAD of NIH-MIP/FDG-PET-CT_AI: dataset_fingerprint.json,
    /// nnUNetPlans.json): 813 cases, channels PET and CT, median spacing 3.0 × 2.036 × 2.036 mm, median shape
    /// 326 × 400 × 400; labels background and lesion. nnU-Net: 3d_fullres 128³, batch 2, five isotropic poolings;
    /// 2d [448, 448], batch 16, 7 stages; normalisation ZScore, CT (from the channel names).
    /// </summary>
    private static readonly DatasetSummary PetCt = Data(new(2.0364201068878174, 2.0364201068878174, 3.0), new(2.0364201068878174, 2.0364201068878174, 3.0), new(400, 400, 326), 813, 2);

    [Fact]
    public void Autopet_3d_fullres_and_2d_match_nnunets_plan()
    {
        var plan3d = AutoConfigurator.Configure(PetCt);
        var plan2d = AutoConfigurator.Configure(PetCt, TwoD);

        Assert.Equal([128, 128, 128], plan3d.PatchSize);
        Assert.Equal(2, plan3d.BatchSize);
        Assert.All(plan3d.Stages, s => Assert.Equal([3, 3, 3], s.KernelSize));
        Assert.Equal([448, 448], plan2d.PatchSize);
        Assert.Equal(16, plan2d.BatchSize);
        Assert.Equal(7, plan2d.Stages.Count);
    }

    /// <summary>
    /// A thin-slice MR dataset (HEAD of PengchengShi1220/NexToU: nnUNetPlans.json, "DatasetXXX_XXX", ExperimentPlanner):
    /// 3d_fullres at 0.6 × 0.297 × 0.297 mm, median image 186 × 575.5 × 480. z is 2.02× the in-plane spacing, so the
    /// first stage convolves and pools in-plane only. nnU-Net: patch [64, 192, 160], batch 2, strides (1,2,2) then
    /// (2,2,2) ×4, kernels (1,3,3) then 3. (Its 2d configuration, [512, 448], came from a version that capped 2D patches
    /// at 512, fixed in nnU-Net in February 2024, and is not compared.) numTraining is not published; any count of
    /// 50 or more gives batch 2.
    /// </summary>
    [Fact]
    public void Thin_slice_mr_3d_fullres_matches_nnunets_plan()
    {
        var spacing = new Vector3D(0.296875, 0.296875, 0.5999993681907654);

        var plan = AutoConfigurator.Configure(Data(spacing, spacing, new(480, 575.5, 186), 100, 2));

        Assert.Equal([160, 192, 64], plan.PatchSize);
        Assert.Equal(2, plan.BatchSize);
        Assert.Equal([[1, 1, 1], [2, 2, 1], [2, 2, 2], [2, 2, 2], [2, 2, 2], [2, 2, 2]], plan.Stages.Select(s => s.Stride.ToArray()));
        Assert.Equal([3, 3, 1], plan.Stages[0].KernelSize);
        Assert.All(plan.Stages.Skip(1), s => Assert.Equal([3, 3, 3], s.KernelSize));
    }
}
