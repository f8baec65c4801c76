using Bunit;
using Platform.Grains.Abstractions.Results;
using Platform.WebUI.Components.Results;
using Platform.WebUI.Services;
using Xunit;

namespace Platform.WebUI.Tests.Results;

public sealed class CaseScoreTableTests : ResultsContext
{
    private static readonly CaseScore[] Scores =
    [
        Score("case_1", 1, 0.90), Score("case_1", 2, 0.10),
        Score("case_2", 1, 0.30), Score("case_2", 2, double.NaN),
        Score("case_3", 1, 0.60), Score("case_3", 2, 0.80),
        Score("case_4", 1, double.NaN), Score("case_4", 2, 0.50),
    ];

    private IRenderedComponent<CaseScoreTable> Render(string? initialSort = null) => Context.Render<CaseScoreTable>(p => p
        .Add(c => c.LabId, "kidney-lab")
        .Add(c => c.Project, "kits")
        .Add(c => c.Columns, RunScoreTable.Columns([1, 2]))
        .Add(c => c.Rows, RunScoreTable.Rows(Scores, "3d-f0-run"))
        .Add(c => c.InitialSortKey, initialSort));

    private static string[] Cases(IRenderedComponent<CaseScoreTable> table) =>
        [.. table.FindAll("[data-testid=case-row]").Select(r => r.GetAttribute("data-case")!)];

    [Fact]
    public void Sorting_by_a_label_s_Dice_puts_the_worst_first_then_the_best_first_with_NaN_always_last()
    {
        var table = Render();

        table.Find("[data-testid=sort-label-1]").Click();
        Assert.Equal(["case_2", "case_3", "case_1", "case_4"], Cases(table));
        Assert.Equal("ascending", table.Find("[data-testid=sort-label-1]").ParentElement!.GetAttribute("aria-sort"));

        table.Find("[data-testid=sort-label-1]").Click();
        Assert.Equal(["case_1", "case_3", "case_2", "case_4"], Cases(table));
        Assert.Equal("descending", table.Find("[data-testid=sort-label-1]").ParentElement!.GetAttribute("aria-sort"));
    }

    [Fact]
    public void The_mean_over_labels_sorts_the_worst_cases_to_the_top_at_first()
    {
        var table = Render(RunScoreTable.MeanKey);

        // Means: case_1 0.5, case_2 0.3 (NaN left out), case_3 0.7, case_4 0.5.
        Assert.Equal(["case_2", "case_1", "case_4", "case_3"], Cases(table));
        Assert.Equal(["0.300", "0.300", "NaN"], table.FindAll("[data-testid=case-row]")[0].QuerySelectorAll("td[data-column]").Select(c => c.TextContent));
    }

    [Fact]
    public void Dice_cells_carry_the_IoU_and_counts_and_each_case_opens_the_viewer_on_this_run()
    {
        var table = Render();

        var first = table.Find("[data-testid=case-row][data-case=case_1]");
        Assert.Equal(2, first.QuerySelectorAll("[data-testid=case-dice]").Length);
        Assert.Contains("IoU 0.818", first.QuerySelector("[data-testid=case-dice]")!.GetAttribute("title"));
        Assert.Equal("labs/kidney-lab/projects/kits/viewer?case=case_1&run=3d-f0-run", first.QuerySelector("[data-testid=case-viewer-link]")!.GetAttribute("href"));
    }

    [Fact]
    public void The_filter_keeps_cases_whose_id_contains_the_text()
    {
        var table = Render();

        table.Find("input[data-testid=results-case-filter]").Input("SE_3");

        table.WaitForAssertion(() => Assert.Equal(["case_3"], Cases(table)));
        Assert.Equal("1 of 4 cases", table.Find("[data-testid=results-case-count]").TextContent);
    }

    [Fact]
    public void Download_hands_the_table_in_its_current_order_to_the_browser_as_CSV()
    {
        var module = Context.JSInterop.SetupModule(FileDownloads.ModulePath);
        var download = module.SetupVoid("downloadText", _ => true);
        var table = Render();
        table.Find("[data-testid=sort-label-2]").Click();

        table.Find("button[data-testid=csv-download]").Click();

        var call = Assert.Single(download.Invocations);
        Assert.Equal("cases.csv", call.Arguments[0]);
        var lines = ((string)call.Arguments[1]!).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("case,dice-mean,dice-1,dice-2", lines[0]);
        Assert.Equal(["case_1", "case_4", "case_3", "case_2"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal("case_2,0.3,0.3,NaN", lines[4]);
    }
}
