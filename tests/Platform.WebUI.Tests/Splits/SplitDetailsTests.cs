using Bunit;
using MudBlazor;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Tenancy;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Splits;
using Platform.WebUI.Services;
using Xunit;

namespace Platform.WebUI.Tests.Splits;

public sealed class SplitDetailsTests : MudBlazorContext
{
    private readonly List<SplitFileExport> _exports = [];

    private IRenderedComponent<SplitDetails> RenderDetails(LabRole role, SplitSummary? summary)
    {
        Context.Render<MudPopoverProvider>();
        return Context.Render<SplitDetails>(p => p
            .Add(c => c.Access, new LabAccess(role, IsPlatformAdmin: false))
            .Add(c => c.Summary, summary)
            .Add(c => c.Assignment, summary is null ? null : [new CaseAssignment("case_1", 0), new CaseAssignment("case_2", null)])
            .Add(c => c.PreviewSplit, spec => Task.FromResult(SplitSamples.Proposal(spec.FoldCount)))
            .Add(c => c.SaveSplit, _ => Task.CompletedTask)
            .Add(c => c.OnExport, (SplitFileExport e) => _exports.Add(e)));
    }

    [Fact]
    public void A_viewer_sees_the_split_and_can_export_but_not_regenerate_or_import()
    {
        var page = RenderDetails(LabRole.Viewer, SplitSamples.Saved());

        Assert.Equal(3, page.FindAll("[data-testid=fold-row]").Count);
        Assert.NotNull(page.Find("[data-testid=split-chart]"));
        Assert.Empty(page.FindAll("[data-testid=split-generator]"));
        Assert.Empty(page.FindAll("[data-testid=preview-split-button]"));
        Assert.Empty(page.FindAll("[data-testid=split-import-input]"));

        page.Find("[data-testid=export-nnunet-button]").Click();
        Assert.Equal([new SplitFileExport(SplitFileFormat.NnUnet)], _exports);
    }

    [Fact]
    public void A_scientist_gets_the_regenerate_form_and_import()
    {
        var page = RenderDetails(LabRole.Scientist, SplitSamples.Saved());

        Assert.NotNull(page.Find("[data-testid=split-generator]"));
        Assert.NotNull(page.Find("[data-testid=split-import-input]"));
    }

    [Fact]
    public void An_unsaved_split_tells_a_viewer_whom_to_ask_and_offers_no_export()
    {
        var page = RenderDetails(LabRole.Viewer, summary: null);

        Assert.Contains("ask one of them", page.Find("[data-testid=split-not-saved]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=export-nnunet-button]"));
        Assert.Empty(page.FindAll("[data-testid=assignment-table]"));
    }

    [Fact]
    public void An_unsaved_split_gives_a_scientist_the_form_to_generate_it()
    {
        var page = RenderDetails(LabRole.Scientist, summary: null);

        Assert.Contains("Choose a strategy", page.Find("[data-testid=split-not-saved]").TextContent);
        Assert.Contains("Save as version 1", page.Find("[data-testid=save-split-button]").TextContent);
    }

    [Fact]
    public void The_page_s_import_error_is_shown_to_the_user() =>
        Assert.Contains("unknown cases", Context.Render<SplitFiles>(p => p
            .Add(c => c.CanImport, true)
            .Add(c => c.Error, "Could not import 'x.json': The NnUnet split file was refused: unknown cases case_9.")).Find("[data-testid=split-files-error]").TextContent);

    [Fact]
    public void The_asparagus_export_waits_for_the_data_folder_and_sends_it_with_the_task()
    {
        var page = RenderDetails(LabRole.Viewer, SplitSamples.Saved());

        Assert.True(page.Find("[data-testid=export-asparagus-button]").HasAttribute("disabled"));
        page.Find("input[data-testid=asparagus-data-root]").Change("/data/asparagus");
        page.Find("input[data-testid=asparagus-task]").Change("SEG005_Kidney");
        page.Find("[data-testid=export-asparagus-button]").Click();

        Assert.Equal([new SplitFileExport(SplitFileFormat.Asparagus, "/data/asparagus", "SEG005_Kidney")], _exports);
    }

    [Fact]
    public async Task An_asparagus_import_of_a_split_file_and_its_test_file_sends_both_with_the_chosen_resplit()
    {
        var uploads = new List<SplitFileUpload>();
        Context.Render<MudPopoverProvider>();
        var files = Context.Render<SplitFiles>(p => p
            .Add(c => c.CanImport, true)
            .Add(c => c.OnImport, (SplitFileUpload u) => uploads.Add(u)));

        var select = files.FindComponent<MudSelect<SplitFileFormat>>();
        await files.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(SplitFileFormat.Asparagus));
        files.WaitForAssertion(() => files.Find("input[data-testid=asparagus-resplit]").Change("2"));
        files.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            InputFileContent.CreateFromText("""["/d/SEG005_K/c9.pt"]""", "TEST_80_10_10.json"),
            InputFileContent.CreateFromText("""[{"train": [], "val": []}]""", "split_80_10_10.json"));

        files.WaitForAssertion(() => Assert.Single(uploads));
        var upload = uploads[0];
        Assert.Equal((SplitFileFormat.Asparagus, "split_80_10_10.json", 2), (upload.Format, upload.FileName, upload.Resplit));
        Assert.Equal("""["/d/SEG005_K/c9.pt"]""", upload.TestContent);
        Assert.Equal("""[{"train": [], "val": []}]""", upload.Content);
    }
}
