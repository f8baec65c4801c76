using Platform.Imaging.Volumes;
using Platform.Plans;
using Platform.Preprocessing.Fingerprint;
using Platform.Preprocessing.Planning;
using Platform.Training.Plans;

namespace Platform.Training.Tests.Plans;

/// <summary>The suggested plan's normalisation comes from the datasources' modalities, as nnU-Net's from its channel names.</summary>
public sealed class SuggestedPlanTests
{
    /// <summary>Two channels of Hounsfield-like foreground (0.5th percentile −1000, what the removed guess read as CT).</summary>
    private static ProjectFingerprint HounsfieldFingerprint() => FingerprintBuilder.Build(Enumerable.Range(0, 3).Select(i =>
        new CaseStatistics($"c{i}", "ds", new GridSize(64, 64, 32), new Vector3D(1, 1, 2), [new(0, 1000), new(1, 200)],
            [new(200, -300, 400, -1024, 1500, -1000, 1200), new(200, -300, 400, -1024, 1500, -1000, 1200)])));

    private static PlanSettings Suggest(params DatasourceModalities[] datasources)
    {
        var fingerprint = HounsfieldFingerprint();
        return SuggestedPlan.From(AutoConfigurator.Configure(fingerprint), fingerprint, datasources, 320).Settings;
    }

    [Fact]
    public void Intensities_no_longer_decide_a_channel_without_a_modality_is_z_score()
    {
        var settings = Suggest(new DatasourceModalities("ds", []));

        Assert.Equal([NormalizationScheme.ZScore, NormalizationScheme.ZScore], settings.Preprocessing.Normalization);
        Assert.Equal(["ds"], settings.Data.Datasources);
    }

    [Fact]
    public void Autopets_channel_names_give_the_schemes_nnunet_published_for_it()
    {
        // Dataset102_PETCT's dataset.json names its channels PET and CT; its nnUNetPlans.json normalises them
        // ZScoreNormalization and CTNormalization.
        var settings = Suggest(new DatasourceModalities("ds", ["PET", "CT"]));

        Assert.Equal([NormalizationScheme.ZScore, NormalizationScheme.CT], settings.Preprocessing.Normalization);
    }
}
