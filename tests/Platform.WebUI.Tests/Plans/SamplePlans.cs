using Platform.Grains.Abstractions.Plans;

using Platform.Plans;
namespace Platform.WebUI.Tests.Plans;

/// <summary>Plan versions for editor tests: nnU-Net's defaults with one datasource, so they pass the plan rules.</summary>
internal static class SamplePlans
{
    public static PlanSettings Valid { get; } = PlanSettings.Default with
    {
        Data = PlanSettings.Default.Data with { Datasources = ["kits23"] },
    };

    public static PlanSnapshot Version(int version, PlanSettings settings, string author = "alice", string? comment = null) =>
        new("3d_fullres", version, settings, author, DateTimeOffset.UnixEpoch.AddDays(version), comment);

    public static PlanSettings WithEpochs(this PlanSettings settings, int epochs) =>
        settings with { Training = settings.Training with { Epochs = epochs } };

    public static PlanSettings WithLearningRate(this PlanSettings settings, double rate) =>
        settings with { Training = settings.Training with { LearningRate = rate } };
}
