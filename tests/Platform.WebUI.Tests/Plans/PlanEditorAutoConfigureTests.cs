using Bunit;
using Platform.Grains.Abstractions.Plans;
using Platform.Plans;
using Xunit;

namespace Platform.WebUI.Tests.Plans;

public sealed class PlanEditorAutoConfigureTests : PlanEditorHarness
{
    private static readonly PlanSettings Suggestion = PlanSettings.Default with
    {
        Data = PlanSettings.Default.Data with { Datasources = ["kits23", "kits19"] },
        Preprocessing = PlanSettings.Default.Preprocessing with { Spacing = [0.8, 0.8, 2.5], Normalization = [NormalizationScheme.CT] },
        Network = PlanSettings.Default.Network with
        {
            PatchSize = [64, 64, 32],
            BatchSize = 4,
            Stages = [new(32, [3, 3, 3], [1, 1, 1]), new(64, [3, 3, 3], [2, 2, 2]), new(128, [3, 3, 3], [2, 2, 2]), new(256, [3, 3, 1], [2, 2, 1])],
        },
    };

    [Fact]
    public void Auto_configure_fills_the_form_from_the_suggestion_keeps_the_training_and_lists_the_changes()
    {
        Suggested = Suggestion;
        var editor = RenderEditor(latest: null);
        Input(editor, "training.epochs").Input("3");

        editor.Find("[data-testid=auto-configure-button]").Click();

        editor.WaitForAssertion(() =>
        {
            Assert.Equal("kits23, kits19", Input(editor, "data.datasources").GetAttribute("value"));
            Assert.Equal("0.8, 0.8, 2.5", Input(editor, "preprocessing.spacing").GetAttribute("value"));
            Assert.Equal("CT", Input(editor, "preprocessing.normalization").GetAttribute("value"));
            Assert.Equal("64, 64, 32", Input(editor, "network.patchSize").GetAttribute("value"));
            Assert.Equal("3, 3, 1", Input(editor, "network.stages[3].kernel").GetAttribute("value"));
            Assert.Equal(4, editor.FindAll("[data-testid=stage-row]").Count);
            Assert.Equal("3", Input(editor, "training.epochs").GetAttribute("value"));
        });
        var changed = editor.FindAll("[data-testid=auto-configure-change]").Select(r => r.GetAttribute("data-field")).ToList();
        Assert.Contains("data.datasources", changed);
        Assert.Contains("network.patchSize", changed);
        Assert.DoesNotContain("training.epochs", changed);
        Assert.Contains("median spacing", editor.Find("[data-testid=auto-configure-notes]").TextContent);
        var request = Assert.Single(Suggestions);
        Assert.Equal((null, 3, 8.0), (request.Datasources, request.Dimensions, request.GpuMemoryGb));
        Assert.Empty(Saves);
    }

    [Fact]
    public void A_new_plan_is_auto_configured_as_it_opens_and_can_be_saved_as_version_1()
    {
        Suggested = Suggestion;
        SaveAnswers.Enqueue(PlanRevisionResult.Saved(SamplePlans.Version(1, Suggestion)));

        var editor = RenderEditor(latest: null, autoConfigureOnOpen: true);

        editor.WaitForAssertion(() => Assert.Equal("64, 64, 32", Input(editor, "network.patchSize").GetAttribute("value")));
        editor.Find("[data-testid=save-plan-button]").Click();
        editor.WaitForAssertion(() => Assert.Single(Saves));
        Assert.Equal(0, Saves[0].BasedOnVersion);
        Assert.Equal(["kits23", "kits19"], Saves[0].Settings.Data.Datasources);
        Assert.Single(Suggestions);
    }
}
