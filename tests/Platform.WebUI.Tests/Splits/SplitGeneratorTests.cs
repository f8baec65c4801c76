using Bunit;
using MudBlazor;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Splits;
using Platform.WebUI.Components.Splits;
using Xunit;

namespace Platform.WebUI.Tests.Splits;

public sealed class SplitGeneratorTests : MudBlazorContext
{
    private readonly List<SplitSpec> _previewed = [];
    private readonly List<SplitSpec> _saved = [];

    private IRenderedComponent<SplitGenerator> RenderGenerator(SplitSummary? current = null, Exception? previewFailure = null)
    {
        Context.Render<MudPopoverProvider>();
        return Context.Render<SplitGenerator>(p => p
            .Add(c => c.Current, current)
            .Add(c => c.PreviewSplit, spec =>
            {
                _previewed.Add(spec);
                return previewFailure is null ? Task.FromResult(SplitSamples.Proposal(spec.FoldCount)) : Task.FromException<SplitSummary>(previewFailure);
            })
            .Add(c => c.SaveSplit, spec =>
            {
                _saved.Add(spec);
                return Task.CompletedTask;
            }));
    }

    private static bool SaveDisabled(IRenderedComponent<SplitGenerator> form) => form.Find("[data-testid=save-split-button]").HasAttribute("disabled");

    [Fact]
    public void Save_is_disabled_until_the_split_has_been_previewed()
    {
        var form = RenderGenerator();

        Assert.True(SaveDisabled(form));
        Assert.Contains("Preview first", form.Find("[data-testid=split-save-hint]").TextContent);
        Assert.Empty(form.FindAll("[data-testid=split-preview]"));
    }

    [Fact]
    public void Preview_shows_the_proposed_folds_without_saving_them()
    {
        var form = RenderGenerator();
        form.Find("input[data-testid=split-folds-input]").Input("2");

        form.Find("[data-testid=preview-split-button]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Equal(2, form.FindAll("[data-testid=split-preview] [data-testid=preview-fold-row]").Count);
            Assert.Equal("2", form.Find("[data-testid=preview-split-chart] [data-series='validation cases']").GetAttribute("data-points"));
            Assert.False(SaveDisabled(form));
        });
        Assert.Equal([new SplitSpec(FoldCount: 2)], _previewed);
        Assert.Empty(_saved);
    }

    [Fact]
    public void The_preview_stands_next_to_the_saved_split()
    {
        var form = RenderGenerator(current: SplitSamples.Saved());

        form.Find("[data-testid=preview-split-button]").Click();

        form.WaitForAssertion(() => Assert.Equal(2, form.FindAll("[data-testid=preview-split-chart]").Count));
        Assert.Contains("Saved (version 2)", form.Find("[data-testid=split-preview]").TextContent);
        Assert.Contains("Save as version 3", form.Find("[data-testid=save-split-button]").TextContent);
    }

    [Fact]
    public void Editing_the_form_after_a_preview_asks_for_a_new_preview_before_saving()
    {
        var form = RenderGenerator();
        form.Find("[data-testid=preview-split-button]").Click();
        form.WaitForAssertion(() => Assert.False(SaveDisabled(form)));

        form.Find("input[data-testid=split-folds-input]").Input("4");

        form.WaitForAssertion(() => Assert.True(SaveDisabled(form)));
        Assert.Contains("preview again", form.Find("[data-testid=split-save-hint]").TextContent);
    }

    [Fact]
    public void Save_sends_exactly_the_previewed_spec_and_clears_the_preview()
    {
        var form = RenderGenerator();
        form.Find("input[data-testid=split-folds-input]").Input("2");
        form.Find("input[data-testid=split-seed-input]").Input("7");
        form.Find("[data-testid=preview-split-button]").Click();
        form.WaitForAssertion(() => Assert.False(SaveDisabled(form)));

        form.Find("[data-testid=save-split-button]").Click();

        form.WaitForAssertion(() => Assert.Equal([new SplitSpec(FoldCount: 2, Seed: 7)], _saved));
        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=split-preview]")));
        Assert.True(SaveDisabled(form));
    }

    [Fact]
    public void A_refused_preview_says_why_and_leaves_save_disabled()
    {
        var form = RenderGenerator(previewFailure: new PlatformValidationException("cases", "The project has no usable cases yet: register a datasource and wait for its scan."));

        form.Find("[data-testid=preview-split-button]").Click();

        form.WaitForAssertion(() => Assert.Contains("register a datasource", form.Find("[data-testid=split-generator-error]").TextContent));
        Assert.True(SaveDisabled(form));
    }

    [Fact]
    public void The_form_starts_from_the_saved_split_s_spec()
    {
        var form = RenderGenerator(current: SplitSamples.Saved(new SplitSpec(SplitStrategyKind.StratifiedKFold, FoldCount: 3, Seed: 99)));

        Assert.Equal("3", form.Find("input[data-testid=split-folds-input]").GetAttribute("value"));
        Assert.Equal("99", form.Find("input[data-testid=split-seed-input]").GetAttribute("value"));
    }
}
