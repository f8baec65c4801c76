using Bunit;
using Platform.Grains.Abstractions.Plans;
using Platform.Plans;
using Platform.WebUI.Components.Plans;
using Xunit;

namespace Platform.WebUI.Tests.Plans;

public sealed class PlanDiffTests : MudBlazorContext
{
    private static readonly PlanSettings V1 = SamplePlans.Valid;

    private static readonly PlanSettings V2 = SamplePlans.Valid.WithEpochs(2) with
    {
        Network = SamplePlans.Valid.Network with
        {
            Stages = [.. SamplePlans.Valid.Network.Stages.Select((s, i) => i == 1 ? s with { Kernel = [1, 3, 3] } : s)],
        },
    };

    [Fact]
    public void Two_versions_differ_in_exactly_the_changed_fields()
    {
        var changes = PlanComparison.Between(V1, V2);

        Assert.Equal(["network.stages[1].kernel", "training.epochs"], changes.Select(c => c.Field).Order(StringComparer.Ordinal));
        Assert.Empty(PlanComparison.Between(V1, V1 with { }));
    }

    [Fact]
    public void The_diff_view_shows_each_changed_field_with_its_label_and_both_values()
    {
        var view = Context.Render<PlanChangesTable>(p => p
            .Add(c => c.Changes, PlanComparison.Between(V1, V2))
            .Add(c => c.BeforeTitle, "v1")
            .Add(c => c.AfterTitle, "v2"));

        var rows = view.FindAll("[data-testid=diff-row]");
        Assert.Equal(2, rows.Count);
        var epochs = rows.Single(r => r.GetAttribute("data-field") == "training.epochs");
        Assert.Contains("Training › Epochs", epochs.TextContent);
        Assert.Equal(("1000", "2"), (epochs.QuerySelector("[data-testid=diff-row-before]")!.TextContent, epochs.QuerySelector("[data-testid=diff-row-after]")!.TextContent));
        var kernel = rows.Single(r => r.GetAttribute("data-field") == "network.stages[1].kernel");
        Assert.Contains("Network › Stage 1 kernel", kernel.TextContent);
        Assert.Equal(("[3, 3, 3]", "[1, 3, 3]"), (kernel.QuerySelector("[data-testid=diff-row-before]")!.TextContent, kernel.QuerySelector("[data-testid=diff-row-after]")!.TextContent));
        Assert.Contains("v1", view.Find("thead").TextContent);
    }

    [Fact]
    public void Identical_versions_say_so() =>
        Assert.NotNull(Context.Render<PlanChangesTable>(p => p.Add(c => c.Changes, [])).Find("[data-testid=diff-row-empty]"));

    [Fact]
    public void The_picker_offers_the_newest_two_and_raises_the_chosen_pair()
    {
        (int, int)? compared = null;
        Context.Render<MudBlazor.MudPopoverProvider>();
        var picker = Context.Render<PlanVersionPicker>(p => p
            .Add(c => c.Versions, [new PlanVersionSummary(3, "bob", DateTimeOffset.UnixEpoch, null), new PlanVersionSummary(2, "alice", DateTimeOffset.UnixEpoch, null), new PlanVersionSummary(1, "alice", DateTimeOffset.UnixEpoch, null)])
            .Add(c => c.OnCompare, ((int From, int To) pair) => compared = pair));

        picker.Find("[data-testid=compare-versions-button]").Click();

        Assert.Equal((2, 3), compared);
    }
}
