using System.Text.Json;
using Platform.Plans;

namespace Platform.Training.Tests.Plans;

public sealed class PlanTaskHeadRulesTests
{
    private static readonly PlanSettings Valid = PlanSettings.Default with { Data = PlanSettings.Default.Data with { Datasources = ["ds"] } };

    [Fact]
    public void Each_head_setting_out_of_range_is_named_at_its_field()
    {
        var plan = Valid with
        {
            Training = Valid.Training with { Epochs = 10 },
            Head = new PlanTaskHead(HiddenFeatures: 0, Dropout: 1, (RegressionLossFunction)7, HuberDelta: double.NaN, LearningRate: 0, WeightDecay: -1, WarmupEpochs: 10),
        };

        var fields = PlanRules.Check(plan).Select(e => e.Field).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["head.dropout", "head.hiddenFeatures", "head.huberDelta", "head.learningRate", "head.regressionLoss", "head.warmupEpochs", "head.weightDecay"], fields);
        Assert.Empty(PlanRules.Check(Valid));
    }

    [Fact]
    public void A_plan_stored_before_the_head_section_reads_with_the_default_head()
    {
        var json = JsonSerializer.SerializeToNode(Valid, PlanJson.Options)!.AsObject();
        Assert.True(json.Remove("head"));

        var read = json.Deserialize<PlanSettings>(PlanJson.Options)!;

        Assert.Equal(PlanTaskHead.Default, read.Head);
    }
}
