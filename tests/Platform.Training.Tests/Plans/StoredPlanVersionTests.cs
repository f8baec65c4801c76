using System.Text.Json.Nodes;
using Platform.Plans;
using Platform.Training.Plans;

namespace Platform.Training.Tests.Plans;

/// <summary>
/// Plan versions stay readable when the plan document loses a field (one the engine never read is removed, as
/// <see cref="PlanFieldEffectTests"/> demands): PlanJson ignores members the plan no longer has, so the version store
/// (<c>PlanJson.Deserialize</c>) and a JSON import (<c>DeserializeOver</c>) read old documents without a migration step.
/// </summary>
public sealed class StoredPlanVersionTests
{
    [Fact]
    public void A_stored_version_with_a_field_the_plan_no_longer_has_loads_with_its_other_fields()
    {
        var stored = Document(PlanSettings.Default with { Training = PlanSettings.Default.Training with { Seed = 77, Epochs = 12 } });
        stored["data"]!["retiredFlag"] = true;
        stored["training"]!["retiredScheduler"] = "step";
        stored["retiredSection"] = new JsonObject { ["anything"] = 1 };

        var read = PlanJson.Deserialize(stored.ToJsonString());
        var overBasis = PlanJson.DeserializeOver(PlanSettings.Default, stored.ToJsonString());

        Assert.Equal((77, 12), (read.Training.Seed, read.Training.Epochs));
        Assert.Equal(PlanJson.Serialize(read), PlanJson.Serialize(overBasis));
        Assert.DoesNotContain("retired", PlanJson.Serialize(read), StringComparison.Ordinal);
        // And the engine reads what is left the same way as a fresh document's.
        Assert.Equal(77 + 1, PlanInterpretation.Seed(read, requestedSeed: null, fold: 1));
    }

    private static JsonObject Document(PlanSettings plan) => JsonNode.Parse(PlanJson.Serialize(plan))!.AsObject();
}
