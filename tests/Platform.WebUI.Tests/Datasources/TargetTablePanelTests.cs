using Bunit;
using Platform.Grains.Abstractions.Datasources;
using Platform.Plans.Tasks;
using Platform.WebUI.Components.Datasources;
using Xunit;

namespace Platform.WebUI.Tests.Datasources;

public sealed class TargetTablePanelTests : MudBlazorContext
{
    private static readonly TargetTableReport WithProblems = new("lesions.csv", TaskKind.Classification, ["lesion", "none"], 4, 2,
    [
        new CaseProblem("UnknownClass", "Row 4, case '00003': no class is given.", "lesions.csv"),
        new CaseProblem("CaseNotInDatasource", "Row 5, case '00009': the datasource has no such case.", "lesions.csv"),
    ], new DateTimeOffset(2026, 12, 7, 10, 30, 0, TimeSpan.Zero), "alice");

    private IRenderedComponent<TargetTablePanel> Render(TargetTableReport? report, bool canEdit, string? error = null) =>
        Context.Render<TargetTablePanel>(p => p
            .Add(c => c.Kind, report?.Kind ?? TaskKind.Regression)
            .Add(c => c.Report, report)
            .Add(c => c.CanEdit, canEdit)
            .Add(c => c.Error, error));

    [Fact]
    public void The_refused_rows_are_listed_with_their_kind_row_and_case_under_the_summary()
    {
        var panel = Render(WithProblems, canEdit: false);

        Assert.Equal(["UnknownClass", "CaseNotInDatasource"], panel.FindAll("[data-testid=target-table-problem-kind]").Select(c => c.TextContent.Trim()));
        Assert.Equal(
            ["Row 4, case '00003': no class is given.", "Row 5, case '00009': the datasource has no such case."],
            panel.FindAll("[data-testid=target-table-problem-reason]").Select(c => c.TextContent.Trim()));
        var summary = panel.Find("[data-testid=target-table-summary]").TextContent;
        Assert.Contains("lesions.csv", summary, StringComparison.Ordinal);
        Assert.Contains("2 of 4 row(s) imported", summary, StringComparison.Ordinal);
        Assert.Contains("classes lesion, none", summary, StringComparison.Ordinal);
        Assert.Contains("2 row(s) were left out", panel.Markup, StringComparison.Ordinal);
        // A viewer sees the table but cannot replace it.
        Assert.Empty(panel.FindAll("[data-testid=target-table-upload-button]"));
    }

    [Fact]
    public void A_clean_table_lists_no_problems_and_an_editor_may_replace_it()
    {
        var panel = Render(WithProblems with { Problems = [], Imported = 4 }, canEdit: true);

        Assert.Empty(panel.FindAll("[data-testid=target-table-problems]"));
        Assert.Contains("Replace the table", panel.Find("[data-testid=target-table-upload-button]").TextContent, StringComparison.Ordinal);
        Assert.Equal(".csv,.tsv,.xlsx", panel.Find("input[type=file]").GetAttribute("accept"));
    }

    [Fact]
    public void Without_a_table_it_says_what_to_upload_and_shows_a_refused_upload()
    {
        var panel = Render(null, canEdit: true, error: "Could not store the table: 'v.csv' was not stored.\n  InvalidTargetValue: Row 2, case 'a': 'x' is not a number.");

        Assert.Contains("case id → value", panel.Find("[data-testid=target-table-none]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Upload a table", panel.Find("[data-testid=target-table-upload-button]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Row 2, case 'a'", panel.Find("[data-testid=target-table-error]").TextContent, StringComparison.Ordinal);
    }
}
