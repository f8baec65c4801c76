using Platform.Imaging.Volumes;
using Platform.Preprocessing.Planning;

namespace Platform.Preprocessing.Tests.Planning;

public sealed class TargetSpacingRuleTests
{
    private static DatasetSummary Data(Vector3D median, Vector3D p10, Vector3D shape) =>
        new(median, p10, shape, new Vector3D(shape.X * median.X, shape.Y * median.Y, shape.Z * median.Z), 10);

    [Fact]
    public void Choose_isotropic_data_uses_the_median()
    {
        var (spacing, note) = TargetSpacingRule.Choose(Data(new(1, 1, 1.2), new(0.7, 0.7, 0.8), new(512, 512, 300)));

        Assert.Equal(new Vector3D(1, 1, 1.2), spacing);
        Assert.Contains("median", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_thick_slices_with_few_voxels_use_the_10th_percentile()
    {
        // z 5.0 > 3 × 0.8 = 2.4 and 30 × 3 = 90 < 320 voxels: z becomes its 10th percentile 3.0.
        var (spacing, note) = TargetSpacingRule.Choose(Data(new(0.8, 0.8, 5.0), new(0.7, 0.7, 3.0), new(320, 320, 30)));

        Assert.Equal(new Vector3D(0.8, 0.8, 3.0), spacing);
        Assert.Contains("z spacing 5 mm is 6.3× every other axis (up to 0.8 mm)", note, StringComparison.Ordinal);
        Assert.Contains("10th percentile 3 mm", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_thick_slices_with_many_voxels_keep_the_median()
    {
        // Anisotropic spacing, but 200 × 3 = 600 is not below 320: both conditions are needed.
        var (spacing, _) = TargetSpacingRule.Choose(Data(new(0.8, 0.8, 5.0), new(0.7, 0.7, 3.0), new(320, 320, 200)));

        Assert.Equal(5.0, spacing.Z);
    }

    [Fact]
    public void Choose_compares_the_coarsest_axis_with_the_coarsest_other_axis_as_nnunet_v2_does()
    {
        // nnU-Net v2: target[worst] > 3 × max(other spacings). 5 is more than 3 × 1 (the finest other axis) but not
        // more than 3 × 2 (the coarsest other one): not anisotropic, the median stays, whatever the voxel counts.
        var (spacing, _) = TargetSpacingRule.Choose(Data(new(1, 2, 5), new(1, 2, 3), new(400, 200, 20)));

        Assert.Equal(new Vector3D(1, 2, 5), spacing);

        // 7 > 3 × 2: anisotropic; the 10th percentile 3 mm is not below the coarsest other axis, so it stays 3.
        var (thick, _) = TargetSpacingRule.Choose(Data(new(1, 2, 7), new(1, 2, 3), new(400, 200, 20)));

        Assert.Equal(new Vector3D(1, 2, 3), thick);
    }

    [Fact]
    public void Choose_keeps_the_median_when_the_coarsest_axis_is_within_three_times_the_finest()
    {
        // 2.9 is not > 3 × 1: no anisotropy, whatever the voxel counts.
        var (spacing, _) = TargetSpacingRule.Choose(Data(new(1, 1, 2.9), new(1, 1, 1.5), new(400, 400, 20)));

        Assert.Equal(2.9, spacing.Z);
    }

    [Fact]
    public void Choose_10th_percentile_finer_than_in_plane_is_raised_to_the_in_plane_spacing_without_nnunets_1e5()
    {
        // nnU-Net adds 1e-5 mm (0.80001) so the axis stays first in its transpose; the platform does not transpose.
        var (spacing, note) = TargetSpacingRule.Choose(Data(new(0.8, 0.8, 5.0), new(0.7, 0.7, 0.5), new(320, 320, 30)));

        Assert.Equal(0.8, spacing.Z);
        Assert.Contains("raised to 0.8 mm", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_works_on_any_axis()
    {
        var (spacing, _) = TargetSpacingRule.Choose(Data(new(4.0, 1, 1), new(2.5, 1, 1), new(40, 256, 256)));

        Assert.Equal(new Vector3D(2.5, 1, 1), spacing);
    }
}
