using Bunit;
using Platform.Grains.Abstractions.Plans;
using Xunit;

namespace Platform.WebUI.Tests.Plans;

public sealed class PlanEditorConflictTests : PlanEditorHarness
{
    private static readonly PlanSnapshot Mine = SamplePlans.Version(1, SamplePlans.Valid);
    private static readonly PlanSnapshot Theirs = SamplePlans.Version(2, SamplePlans.Valid.WithLearningRate(0.02), author: "bob", comment: "faster");

    /// <summary>Edits epochs to 5 on v1 and saves while bob's v2 is the latest: the dialog opens.</summary>
    private Bunit.IRenderedComponent<Components.Plans.PlanEditor> EditAndCollide()
    {
        SaveAnswers.Enqueue(PlanRevisionResult.Conflict(Theirs, SamplePlans.Valid.WithEpochs(5)));
        var editor = RenderEditor(Mine);
        Input(editor, "training.epochs").Input("5");
        editor.Find("[data-testid=save-plan-button]").Click();
        Dialogs.WaitForAssertion(() => Assert.NotEmpty(Dialogs.FindAll("[data-testid=conflict-row]")));
        return editor;
    }

    private string Row(string field) => Dialogs.Find($"[data-testid=conflict-row][data-field='{field}']").TextContent;

    [Fact]
    public void The_dialog_shows_their_version_and_my_edits_side_by_side()
    {
        EditAndCollide();

        Assert.Contains("bob", Dialogs.Find("[data-testid=conflict-summary]").TextContent);
        Assert.Equal(2, Dialogs.FindAll("[data-testid=conflict-row]").Count);
        Assert.Equal(("1000", "5"), (Dialogs.Find("[data-field='training.epochs'] [data-testid=conflict-row-before]").TextContent,
            Dialogs.Find("[data-field='training.epochs'] [data-testid=conflict-row-after]").TextContent));
        Assert.Contains("0.02", Row("training.learningRate"));
        Assert.Contains("0.01", Row("training.learningRate"));
    }

    [Fact]
    public void Keep_mine_saves_my_edits_on_top_of_their_version()
    {
        var editor = EditAndCollide();
        SaveAnswers.Enqueue(PlanRevisionResult.Saved(SamplePlans.Version(3, SamplePlans.Valid.WithEpochs(5))));

        Dialogs.Find("[data-testid=conflict-keep-mine-button]").Click();

        editor.WaitForAssertion(() => Assert.Contains("Version 3", editor.Find("[data-testid=plan-version]").TextContent));
        Assert.Equal(2, Saves.Count);
        Assert.Equal((1, 2), (Saves[0].BasedOnVersion, Saves[1].BasedOnVersion));
        Assert.Equal(5, Saves[1].Settings.Training.Epochs);
        Assert.Equal(0.01, Saves[1].Settings.Training.LearningRate);
        Assert.Empty(Dialogs.FindAll("[data-testid=conflict-row]"));
    }

    [Fact]
    public void Take_theirs_loads_their_version_into_the_form_without_saving()
    {
        var editor = EditAndCollide();

        Dialogs.Find("[data-testid=conflict-take-theirs-button]").Click();

        editor.WaitForAssertion(() =>
        {
            Assert.Equal("1000", Input(editor, "training.epochs").GetAttribute("value"));
            Assert.Equal("0.02", Input(editor, "training.learningRate").GetAttribute("value"));
            Assert.Contains("Version 2", editor.Find("[data-testid=plan-version]").TextContent);
        });
        Assert.Single(Saves);
    }

    [Fact]
    public void Deciding_later_keeps_my_edits_and_offers_the_comparison_again()
    {
        var editor = EditAndCollide();

        Dialogs.Find("[data-testid=conflict-later-button]").Click();

        editor.WaitForAssertion(() =>
        {
            Assert.Equal("5", Input(editor, "training.epochs").GetAttribute("value"));
            Assert.NotNull(editor.Find("[data-testid=conflict-review-button]"));
        });
        editor.Find("[data-testid=conflict-review-button]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("5", Row("training.epochs")));
        Assert.Single(Saves);
    }
}
