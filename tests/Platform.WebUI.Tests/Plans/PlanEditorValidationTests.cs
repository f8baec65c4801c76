using Bunit;
using Platform.Grains.Abstractions.Plans;
using Platform.Plans;
using Xunit;

namespace Platform.WebUI.Tests.Plans;

public sealed class PlanEditorValidationTests : PlanEditorHarness
{
    [Fact]
    public void The_grains_messages_appear_at_the_fields_they_name()
    {
        var latest = SamplePlans.Version(1, SamplePlans.Valid);
        SaveAnswers.Enqueue(PlanRevisionResult.Invalid(latest,
        [
            new PlanFieldError("training.epochs", "Too many epochs for this lab."),
            new PlanFieldError("network.stages[1].kernel", "This kernel is not supported here."),
        ]));
        var editor = RenderEditor(latest);

        editor.Find("[data-testid=save-plan-button]").Click();

        editor.WaitForAssertion(() =>
        {
            Assert.Contains("Too many epochs for this lab.", FieldText(editor, "training.epochs"));
            Assert.Contains("This kernel is not supported here.", FieldText(editor, "network.stages[1].kernel"));
            Assert.DoesNotContain("Too many epochs", FieldText(editor, "training.learningRate"));
            Assert.DoesNotContain("kernel is not supported", FieldText(editor, "network.stages[0].kernel"));
            Assert.Equal("true", Input(editor, "training.epochs").GetAttribute("aria-invalid"));
            Assert.Contains("2 problem(s)", editor.Find("[data-testid=plan-editor-error]").TextContent);
        });
        Assert.Equal(1, Saves[0].BasedOnVersion);
    }

    [Fact]
    public void Changing_a_field_clears_the_grains_message_for_that_field_only()
    {
        var latest = SamplePlans.Version(1, SamplePlans.Valid);
        SaveAnswers.Enqueue(PlanRevisionResult.Invalid(latest,
            [new PlanFieldError("training.epochs", "Too many epochs for this lab."), new PlanFieldError("training.seed", "Seed refused.")]));
        var editor = RenderEditor(latest);
        editor.Find("[data-testid=save-plan-button]").Click();
        editor.WaitForAssertion(() => Assert.Contains("Too many epochs", FieldText(editor, "training.epochs")));

        Input(editor, "training.epochs").Input("20");

        editor.WaitForAssertion(() =>
        {
            Assert.DoesNotContain("Too many epochs", FieldText(editor, "training.epochs"));
            Assert.Contains("Seed refused.", FieldText(editor, "training.seed"));
        });
    }

    [Fact]
    public void A_value_breaking_a_plan_rule_is_flagged_at_its_field_as_it_is_typed_and_blocks_saving()
    {
        var editor = RenderEditor(SamplePlans.Version(1, SamplePlans.Valid));
        Assert.False(editor.Find("[data-testid=save-plan-button]").HasAttribute("disabled"));

        Input(editor, "training.epochs").Input("0");

        editor.WaitForAssertion(() =>
        {
            Assert.Contains("At least one epoch.", FieldText(editor, "training.epochs"));
            Assert.True(editor.Find("[data-testid=save-plan-button]").HasAttribute("disabled"));
            Assert.Contains("1 to fix", editor.Find("[data-testid=plan-section-training-problems]").TextContent);
            Assert.Equal("training.epochs", editor.Find("[data-testid=plan-problem]").GetAttribute("data-field"));
        });
        Assert.Empty(Saves);
    }

    [Theory]
    [InlineData("training.epochs", "-3", "At least one epoch.")]
    [InlineData("training.learningRate", "5", "The learning rate is above 0 and at most 1.")]
    [InlineData("network.batchSize", "0", "The batch size is between 1 and 512.")]
    public void An_invalid_number_stays_marked_at_its_field_after_the_field_loses_focus(string field, string value, string message)
    {
        var editor = RenderEditor(SamplePlans.Version(1, SamplePlans.Valid));

        // As a browser does it: typed, then the focus moves on (MudBlazor validates again on blur).
        Input(editor, field).Input(value);
        Input(editor, field).Blur();

        editor.WaitForAssertion(() =>
        {
            Assert.Equal("true", Input(editor, field).GetAttribute("aria-invalid"));
            Assert.Contains(message, FieldText(editor, field));
            Assert.Contains(editor.FindAll("[data-testid=plan-problem]"), p => p.GetAttribute("data-field") == field);
        });
    }

    [Fact]
    public void Unreadable_list_text_is_reported_at_its_field()
    {
        var editor = RenderEditor(SamplePlans.Version(1, SamplePlans.Valid));

        Input(editor, "preprocessing.spacing").Input("1.5, abc, 1");

        editor.WaitForAssertion(() =>
        {
            Assert.Contains("Could not read this", FieldText(editor, "preprocessing.spacing"));
            Assert.DoesNotContain("Give three spacings", FieldText(editor, "preprocessing.spacing"));
        });
    }

    [Fact]
    public void A_short_training_can_be_typed_and_is_what_gets_saved()
    {
        SaveAnswers.Enqueue(PlanRevisionResult.Saved(SamplePlans.Version(2, SamplePlans.Valid.WithEpochs(2))));
        var editor = RenderEditor(SamplePlans.Version(1, SamplePlans.Valid));

        Input(editor, "training.epochs").Input("2");
        Input(editor, "training.iterationsPerEpoch").Input("3");
        editor.Find("input[data-testid=plan-comment-input]").Input("smoke test");
        editor.Find("[data-testid=save-plan-button]").Click();

        editor.WaitForAssertion(() => Assert.Contains("Saved as version 2", editor.Find("[data-testid=plan-saved-notice]").TextContent));
        var saved = Assert.Single(Saves);
        Assert.Equal((2, 3, 1, "smoke test"), (saved.Settings.Training.Epochs, saved.Settings.Training.IterationsPerEpoch, saved.BasedOnVersion, saved.Comment));
    }
}
