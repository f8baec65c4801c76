using Platform.Plans;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Components.Plans;
using Xunit;

namespace Platform.WebUI.Tests.Plans;

public sealed class PlanDraftTests
{
    [Fact]
    public void A_plan_survives_the_form_unchanged()
    {
        var plan = SamplePlans.Valid with
        {
            Data = SamplePlans.Valid.Data with { ForegroundIndicesExclude = [3, 4] },
            Preprocessing = SamplePlans.Valid.Preprocessing with
            {
                Spacing = [0.78125, 0.78125, 2.5],
                Normalization = [NormalizationScheme.CT, NormalizationScheme.ZScore],
                RemappingSource = new LabelRemapping(new Dictionary<int, int> { [2] = 1, [3] = 0 }, UnmappedTo: 0),
            },
        };

        var (rebuilt, errors) = PlanDraft.From(plan).Build();

        Assert.Empty(errors);
        Assert.Empty(PlanComparison.Between(plan, rebuilt));
        Assert.Equal("2:1, 3:0, *:0", PlanDraft.From(plan).Preprocessing.RemappingSourceText);
    }

    [Theory]
    [InlineData("2:1, 2:3")]
    [InlineData("2-1")]
    [InlineData("a:1")]
    public void Unreadable_remapping_text_names_its_field(string text)
    {
        var draft = PlanDraft.From(SamplePlans.Valid);
        draft.Preprocessing.RemappingTrainText = text;

        Assert.Equal(["preprocessing.remappingTrain"], draft.Check().Select(g => g.Key));
    }

    [Fact]
    public void The_form_checks_the_grains_own_rules()
    {
        var draft = PlanDraft.From(SamplePlans.Valid);
        draft.Training = draft.Training with { IterationsPerEpoch = 0 };
        draft.Network.Stages[2].KernelText = "2, 2, 2";

        var problems = draft.Check();

        Assert.Equal(["network.stages[2].kernel", "training.iterationsPerEpoch"], problems.Select(g => g.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("training.epochs", "field-training-epochs")]
    [InlineData("training.iterationsPerEpoch", "field-training-iterations-per-epoch")]
    [InlineData("network.stages[2].kernel", "field-network-stages-2-kernel")]
    public void Field_test_ids_follow_the_field_paths(string path, string testId) => Assert.Equal(testId, PlanFieldCatalog.TestIdOf(path));

    [Fact]
    public void Plan_addresses_sit_under_their_project()
    {
        Assert.Equal("labs/kidney-lab/projects/kits/plans", LabRoutes.Plans("kidney-lab", "kits"));
        Assert.Equal("labs/kidney-lab/projects/kits/plans/3d_fullres?new=true", LabRoutes.NewPlan("kidney-lab", "kits", "3d_fullres"));
        Assert.Equal("labs/kidney-lab/projects/kits/plans/3d_fullres/versions?from=1&to=2", LabRoutes.PlanVersions("kidney-lab", "kits", "3d_fullres", 1, 2));
    }
}
