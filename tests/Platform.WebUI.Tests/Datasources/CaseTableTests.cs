using Bunit;
using MudBlazor;
using Platform.Grains.Abstractions.Datasources;
using Platform.WebUI.Components.Datasources;
using Xunit;

namespace Platform.WebUI.Tests.Datasources;

public sealed class CaseTableTests : MudBlazorContext
{
    private readonly List<CaseQuery> _queries = [];

    private static CaseSummary Case(string id, CaseStatus status, params CaseProblem[] problems) => new(
        id, status, problems, [64, 64, 32], [0.8, 0.8, 3.0], "RAS", new Dictionary<int, long> { [1] = 500, [2] = 30 }, 530,
        [new ChannelStatistics(0, 530, 40.25, 20, -100, 300, -50, 250)]);

    private IRenderedComponent<CaseTable> RenderTable(params CaseSummary[] cases)
    {
        Context.Render<MudPopoverProvider>();
        return Context.Render<CaseTable>(p => p.Add(c => c.LoadPage, query =>
        {
            _queries.Add(query);
            var matching = cases.Where(c => query.CaseIdPrefix is null || c.CaseId.StartsWith(query.CaseIdPrefix, StringComparison.Ordinal)).ToList();
            return Task.FromResult(new CasePage(matching, matching.Count, query));
        }));
    }

    [Fact]
    public void Cases_of_the_page_are_shown_with_statistics_and_problems()
    {
        var table = RenderTable(
            Case("case_00000", CaseStatus.Valid),
            Case("case_00001", CaseStatus.Invalid, new CaseProblem("shape-mismatch", "The label map is 64×64×30, the image 64×64×32.", "lms/case_00001.nii.gz")));

        table.WaitForAssertion(() =>
        {
            Assert.Equal(["case_00000", "case_00001"], table.FindAll("[data-testid=case-id]").Select(e => e.TextContent.Trim()));
            Assert.Equal(["Valid", "Invalid"], table.FindAll("[data-testid=case-status]").Select(e => e.TextContent.Trim()));
            Assert.Contains("64 × 64 × 32", table.Markup);
            Assert.Contains("1: 500, 2: 30", table.Markup);
            Assert.Contains("shape-mismatch", table.FindAll("[data-testid=case-problems]")[1].TextContent);
        });
    }

    [Fact]
    public void The_table_wraps_long_problems_in_their_cells_instead_of_clipping_its_last_column()
    {
        var table = RenderTable(Case("case_00001", CaseStatus.Invalid, new CaseProblem("unreadable", "The file cannot be read.", "lms/a/very/long/path/case_00001.nii.gz")));

        Assert.Contains("wrapping-table", table.Find("[data-testid=case-table]").ClassList);
        table.WaitForAssertion(() => Assert.Equal("Problems", table.Find("[data-testid=case-problems]").GetAttribute("data-label")));
    }

    [Fact]
    public void The_first_page_asks_the_grain_for_25_cases_by_id()
    {
        RenderTable(Case("case_00000", CaseStatus.Valid));

        var first = _queries[0];
        Assert.Equal((0, 25, CaseSort.CaseId, false, (CaseStatus?)null, (string?)null),
            (first.Page, first.PageSize, first.SortBy, first.Descending, first.Status, first.CaseIdPrefix));
    }

    [Fact]
    public void Typing_a_case_id_prefix_filters_through_the_grain()
    {
        var table = RenderTable(Case("case_00000", CaseStatus.Valid), Case("case_00010", CaseStatus.Valid), Case("other_1", CaseStatus.Valid));

        table.Find("input[data-testid=case-filter]").Input("case_0001");

        table.WaitForAssertion(() =>
        {
            Assert.Equal("case_0001", _queries[^1].CaseIdPrefix);
            Assert.Equal(["case_00010"], table.FindAll("[data-testid=case-id]").Select(e => e.TextContent.Trim()));
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Sorting_by_foreground_asks_the_grain_to_sort()
    {
        var table = RenderTable(Case("case_00000", CaseStatus.Valid));

        table.FindAll(".mud-table-sort-label").Single(e => e.TextContent.Contains("Foreground")).Click();

        table.WaitForAssertion(() => Assert.Equal(CaseSort.ForegroundVoxels, _queries[^1].SortBy));
    }

    [Fact]
    public void An_empty_catalog_says_cases_appear_as_validation_reads_them()
    {
        var table = RenderTable();

        table.WaitForAssertion(() => Assert.Contains("appear as validation reads them", table.Find("[data-testid=cases-empty]").TextContent));
    }

    [Fact]
    public void Given_a_viewer_link_every_case_links_to_the_viewer_invalid_ones_too_where_the_viewer_says_what_is_wrong()
    {
        Context.Render<MudPopoverProvider>();
        var cases = new[] { Case("case_00000", CaseStatus.Valid), Case("case_00001", CaseStatus.Invalid) };
        var table = Context.Render<CaseTable>(p => p
            .Add(c => c.LoadPage, query => Task.FromResult(new CasePage(cases, cases.Length, query)))
            .Add(c => c.ViewerLink, caseId => $"labs/lab/projects/kits/viewer?case={caseId}"));

        table.WaitForAssertion(() => Assert.Equal(["labs/lab/projects/kits/viewer?case=case_00000", "labs/lab/projects/kits/viewer?case=case_00001"],
            table.FindAll("[data-testid=case-view-link]").Select(a => a.GetAttribute("href"))));
    }
}
