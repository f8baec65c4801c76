using Bunit;
using Xunit;

namespace Platform.WebUI.Tests.Plans;

public sealed class PlanEditorAccessTests : PlanEditorHarness
{
    private static readonly string[] EditActions =
        ["save-plan-button", "auto-configure-button", "import-json-input", "plan-comment-input", "add-stage-button"];

    [Fact]
    public void A_viewer_reads_the_plan_without_save_import_or_auto_configure()
    {
        var editor = RenderEditor(SamplePlans.Version(4, SamplePlans.Valid.WithEpochs(7)), canEdit: false);

        foreach (var action in EditActions)
            Assert.Empty(editor.FindAll($"[data-testid={action}]"));
        Assert.Equal("7", Input(editor, "training.epochs").GetAttribute("value"));
        Assert.True(Input(editor, "training.epochs").HasAttribute("readonly"));
        Assert.True(Input(editor, "preprocessing.spacing").HasAttribute("readonly"));
        Assert.NotNull(editor.Find("[data-testid=plan-read-only]"));
        Assert.False(editor.Find("[data-testid=export-json-button]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_scientist_gets_every_edit_action()
    {
        var editor = RenderEditor(SamplePlans.Version(4, SamplePlans.Valid), canEdit: true);

        foreach (var action in EditActions)
            Assert.NotEmpty(editor.FindAll($"[data-testid={action}]"));
        Assert.False(Input(editor, "training.epochs").HasAttribute("readonly"));
    }
}
