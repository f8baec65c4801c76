using Bunit;
using Platform.Grains.Abstractions.Plans;
using Xunit;

namespace Platform.WebUI.Tests.Plans;

/// <summary>
/// The conflict dialog merges the version I started from (v1), theirs (v2) and my form: their changes and mine are
/// both kept, and only a field both changed asks for a choice.
/// </summary>
public sealed class PlanEditorConflictTests : PlanEditorHarness
{
    private static readonly PlanSnapshot Mine = SamplePlans.Version(1, SamplePlans.Valid);
    private static readonly PlanSnapshot Theirs = SamplePlans.Version(2, SamplePlans.Valid.WithLearningRate(0.02), author: "bob", comment: "faster");
    private static readonly PlanSnapshot TheirsWithEpochs = SamplePlans.Version(2, SamplePlans.Valid.WithLearningRate(0.02).WithEpochs(6), author: "bob");

    /// <summary>Edits epochs to 5 on v1 and saves while <paramref name="theirs"/> is the latest: the dialog opens.</summary>
    private IRenderedComponent<Components.Plans.PlanEditor> EditAndCollide(PlanSnapshot theirs)
    {
        SaveAnswers.Enqueue(PlanRevisionResult.Conflict(theirs, SamplePlans.Valid.WithEpochs(5)));
        var editor = RenderEditor(Mine);
        Input(editor, "training.epochs").Input("5");
        editor.Find("[data-testid=save-plan-button]").Click();
        Dialogs.WaitForAssertion(() => Assert.NotNull(Dialogs.Find("[data-testid=plan-conflict-dialog]")));
        return editor;
    }

    private string Row(string kind, string field) => Dialogs.Find($"[data-testid={kind}][data-field='{field}']").TextContent;

    [Fact]
    public void The_dialog_lists_their_changes_and_mine_as_kept_and_asks_nothing_when_fields_differ()
    {
        EditAndCollide(Theirs);

        Assert.Contains("bob", Dialogs.Find("[data-testid=conflict-summary]").TextContent);
        Assert.Equal(["training.learningRate"], Dialogs.FindAll("[data-testid=conflict-theirs-row]").Select(r => r.GetAttribute("data-field")));
        Assert.Equal(["training.epochs"], Dialogs.FindAll("[data-testid=conflict-mine-row]").Select(r => r.GetAttribute("data-field")));
        Assert.Contains("0.02", Row("conflict-theirs-row", "training.learningRate"));
        Assert.Equal(("1000", "5"), (Dialogs.Find("[data-field='training.epochs'] [data-testid=conflict-mine-row-before]").TextContent,
            Dialogs.Find("[data-field='training.epochs'] [data-testid=conflict-mine-row-after]").TextContent));
        Assert.Empty(Dialogs.FindAll("[data-testid=conflict-both-row]"));
        Assert.False(Dialogs.Find("[data-testid=conflict-merge-button]").HasAttribute("disabled"));
    }

    [Fact]
    public void Merging_saves_my_edit_and_their_edit_on_top_of_their_version()
    {
        var editor = EditAndCollide(Theirs);
        SaveAnswers.Enqueue(PlanRevisionResult.Saved(SamplePlans.Version(3, SamplePlans.Valid.WithEpochs(5).WithLearningRate(0.02))));

        Dialogs.Find("[data-testid=conflict-merge-button]").Click();

        editor.WaitForAssertion(() => Assert.Contains("Version 3", editor.Find("[data-testid=plan-version]").TextContent));
        Assert.Equal(2, Saves.Count);
        Assert.Equal((1, 2), (Saves[0].BasedOnVersion, Saves[1].BasedOnVersion));
        Assert.Equal((5, 0.02), (Saves[1].Settings.Training.Epochs, Saves[1].Settings.Training.LearningRate));
        Assert.Empty(Dialogs.FindAll("[data-testid=plan-conflict-dialog]"));
    }

    [Fact]
    public void A_field_both_changed_must_be_chosen_before_merging_and_the_choice_is_saved()
    {
        var editor = EditAndCollide(TheirsWithEpochs);
        var both = Dialogs.Find("[data-testid=conflict-both-row]");
        Assert.Equal("training.epochs", both.GetAttribute("data-field"));
        Assert.Contains("Theirs: 6", both.TextContent);
        Assert.Contains("Mine: 5", both.TextContent);
        Assert.True(Dialogs.Find("[data-testid=conflict-merge-button]").HasAttribute("disabled"));
        Assert.Equal(["training.learningRate"], Dialogs.FindAll("[data-testid=conflict-theirs-row]").Select(r => r.GetAttribute("data-field")));

        Dialogs.Find("[data-testid=conflict-choose-mine]").Click();
        Dialogs.WaitForAssertion(() => Assert.False(Dialogs.Find("[data-testid=conflict-merge-button]").HasAttribute("disabled")));
        Assert.Equal("Mine", Dialogs.Find("[data-testid=conflict-both-row]").GetAttribute("data-chosen"));
        SaveAnswers.Enqueue(PlanRevisionResult.Saved(SamplePlans.Version(3, SamplePlans.Valid.WithEpochs(5).WithLearningRate(0.02))));
        Dialogs.Find("[data-testid=conflict-merge-button]").Click();

        editor.WaitForAssertion(() => Assert.Equal(2, Saves.Count));
        Assert.Equal((5, 0.02), (Saves[1].Settings.Training.Epochs, Saves[1].Settings.Training.LearningRate));
    }

    [Fact]
    public void Choosing_theirs_for_a_field_both_changed_saves_their_value()
    {
        var editor = EditAndCollide(TheirsWithEpochs);
        Dialogs.Find("[data-testid=conflict-choose-theirs]").Click();
        SaveAnswers.Enqueue(PlanRevisionResult.Saved(SamplePlans.Version(3, TheirsWithEpochs.Settings)));

        Dialogs.WaitForAssertion(() => Assert.False(Dialogs.Find("[data-testid=conflict-merge-button]").HasAttribute("disabled")));
        Dialogs.Find("[data-testid=conflict-merge-button]").Click();

        editor.WaitForAssertion(() => Assert.Equal(2, Saves.Count));
        Assert.Equal(6, Saves[1].Settings.Training.Epochs);
    }

    [Fact]
    public void A_merge_that_collides_again_is_merged_against_the_version_it_was_based_on()
    {
        var editor = EditAndCollide(Theirs);
        var third = SamplePlans.Version(3, SamplePlans.Valid.WithLearningRate(0.02).WithEpochs(5) with
        {
            Augmentation = SamplePlans.Valid.Augmentation with { Mirror = false },
        }, author: "carol");
        SaveAnswers.Enqueue(PlanRevisionResult.Conflict(third, SamplePlans.Valid.WithEpochs(5).WithLearningRate(0.02)));

        Dialogs.Find("[data-testid=conflict-merge-button]").Click();

        // v2 is now the base: carol's v3 changed mirroring and set epochs to what I had; my merge changed only epochs.
        Dialogs.WaitForAssertion(() => Assert.Contains("carol", Dialogs.Find("[data-testid=conflict-summary]").TextContent));
        Assert.Equal(["augmentation.mirror"], Dialogs.FindAll("[data-testid=conflict-theirs-row]").Select(r => r.GetAttribute("data-field")));
        Assert.Equal(["training.epochs"], Dialogs.FindAll("[data-testid=conflict-mine-row]").Select(r => r.GetAttribute("data-field")));
        Assert.Empty(Dialogs.FindAll("[data-testid=conflict-both-row]"));
    }

    [Fact]
    public void Take_theirs_loads_their_version_into_the_form_without_saving()
    {
        var editor = EditAndCollide(Theirs);

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
    public void Deciding_later_keeps_my_edits_and_offers_the_merge_again()
    {
        var editor = EditAndCollide(Theirs);

        Dialogs.Find("[data-testid=conflict-later-button]").Click();

        editor.WaitForAssertion(() =>
        {
            Assert.Equal("5", Input(editor, "training.epochs").GetAttribute("value"));
            Assert.NotNull(editor.Find("[data-testid=conflict-review-button]"));
        });
        editor.Find("[data-testid=conflict-review-button]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("5", Row("conflict-mine-row", "training.epochs")));
        Assert.Single(Saves);
    }
}
