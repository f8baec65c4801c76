using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;

namespace Platform.Preprocessing.Tests.Cases;

public sealed class CaseNormalizationTests
{
    [Fact]
    public void Ct_clips_to_the_dataset_percentiles_then_z_scores_with_dataset_mean_and_std()
    {
        var geometry = CaseTestGrids.Ras(new Shape3(3, 1, 1), Vector3D.One);
        var image = new Volume<float>(geometry, [-500, 0, 1000]);
        var settings = CaseTestGrids.Settings(Vector3D.One, ChannelNormalization.Ct(-100, 200, 50, 25));
        var result = CasePreprocessor.Run([image], settings);

        // (−100 − 50)/25 = −6; (0 − 50)/25 = −2; (200 − 50)/25 = 6.
        Assert.Equal([-6f, -2f, 6f], result.Channels[0].Data);
        Assert.Equal(new AppliedNormalization(NormalizationScheme.CtClipZScore, -100, 200, 50, 25, false), result.Metadata.Normalization[0]);
    }

    [Fact]
    public void Z_score_uses_the_nonzero_mask_when_the_crop_left_less_than_three_quarters()
    {
        // 10³ volume, nonzero only in [0,5)³ = 125 voxels < 750: the mask rule applies. Inside the box, one
        // voxel is zero (masked out), 49 are 1 (z = 0, 1) and 75 are 3 (z = 2..4).
        var geometry = CaseTestGrids.Ras(new Shape3(10, 10, 10), Vector3D.One);
        var image = new Volume<float>(geometry);
        CaseTestGrids.Fill(image, 0, 0, 0, 5, 5, 2, 1f);
        CaseTestGrids.Fill(image, 0, 0, 2, 5, 5, 5, 3f);
        image.Data[image.IndexOf(0, 0, 0)] = 0;
        var result = CasePreprocessor.Run([image], CaseTestGrids.Settings(Vector3D.One, ChannelNormalization.ZScore));

        var mean = ((49 * 1.0) + (75 * 3.0)) / 124;
        var std = Math.Sqrt(((49 * (1 - mean) * (1 - mean)) + (75 * (3 - mean) * (3 - mean))) / 124);
        var applied = result.Metadata.Normalization[0];
        Assert.True(applied.MaskUsed);
        Assert.Equal(mean, applied.Mean, 1e-9);
        Assert.Equal(std, applied.StandardDeviation, 1e-9);
        var channel = result.Channels[0];
        Assert.Equal(new Shape3(5, 5, 5), channel.Shape);
        Assert.Equal(0f, channel[0, 0, 0]);
        Assert.Equal((float)((1 - mean) / std), channel[1, 0, 0], 1e-5f);
        Assert.Equal((float)((3 - mean) / std), channel[4, 4, 4], 1e-5f);
    }

    [Fact]
    public void Z_score_uses_every_voxel_when_the_crop_kept_at_least_three_quarters()
    {
        // Nonzero box [0,10)×[0,10)×[0,8) = 800 ≥ 750 voxels: no mask, so the zero voxel is normalised too.
        var geometry = CaseTestGrids.Ras(new Shape3(10, 10, 10), Vector3D.One);
        var image = new Volume<float>(geometry);
        CaseTestGrids.Fill(image, 0, 0, 0, 10, 10, 8, 2f);
        image.Data[image.IndexOf(0, 0, 0)] = 0;
        var result = CasePreprocessor.Run([image], CaseTestGrids.Settings(Vector3D.One, ChannelNormalization.ZScore));

        var applied = result.Metadata.Normalization[0];
        Assert.False(applied.MaskUsed);
        Assert.Equal(2.0 * 799 / 800, applied.Mean, 1e-9);
        Assert.True(result.Channels[0][0, 0, 0] < -10);
    }

    [Fact]
    public void None_leaves_values_and_records_identity()
    {
        var geometry = CaseTestGrids.Ras(new Shape3(2, 1, 1), Vector3D.One);
        var result = CasePreprocessor.Run([new Volume<float>(geometry, [3, 7])], CaseTestGrids.Settings(Vector3D.One));
        Assert.Equal([3f, 7f], result.Channels[0].Data);
        Assert.Equal(new AppliedNormalization(NormalizationScheme.None, null, null, 0, 1, false), result.Metadata.Normalization[0]);
    }
}
