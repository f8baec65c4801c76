using Bunit;
using Platform.WebUI.Components.Results;
using Xunit;

namespace Platform.WebUI.Tests.Results;

public sealed class RunComparisonTests : ResultsContext
{
    private static readonly ComparedRun Baseline = new("3d-f0-a", [Score("case_1", 1, 0.80), Score("case_2", 1, 0.50), Score("case_3", 1, double.NaN), Score("case_1", 2, 0.6), Score("case_2", 2, 0.7)]);
    private static readonly ComparedRun Better = new("3d-f0-b", [Score("case_1", 1, 0.85), Score("case_2", 1, 0.20), Score("case_3", 1, 0.40), Score("case_4", 1, 0.95), Score("case_1", 2, 0.8), Score("case_2", 2, 0.7)]);

    [Fact]
    public void Each_case_gets_each_run_s_Dice_and_the_difference_to_the_first_run()
    {
        var rows = RunComparison.Rows([Baseline, Better], label: 1).ToDictionary(r => r.CaseId);

        Assert.Equal(["case_1", "case_2", "case_3", "case_4"], rows.Keys);
        Assert.Equal(0.05, rows["case_1"].ValueOf(RunComparison.DifferenceKey(1)), 12);
        Assert.Equal(-0.30, rows["case_2"].ValueOf(RunComparison.DifferenceKey(1)), 12);
        Assert.True(double.IsNaN(rows["case_3"].ValueOf(RunComparison.DifferenceKey(1))), "NaN on one side leaves the difference undefined");
        Assert.False(rows["case_4"].Cells.ContainsKey(RunComparison.DiceKey(0)), "the baseline did not score case_4");
        Assert.True(double.IsNaN(rows["case_4"].ValueOf(RunComparison.DifferenceKey(1))));
        Assert.Equal("3d-f0-b", rows["case_4"].RunId);
        Assert.Equal("3d-f0-a", rows["case_1"].RunId);
    }

    [Fact]
    public void Without_a_label_the_cases_mean_Dice_over_labels_are_compared()
    {
        var row = RunComparison.Rows([Baseline, Better], label: null).Single(r => r.CaseId == "case_1");

        Assert.Equal(0.70, row.ValueOf(RunComparison.DiceKey(0)), 12);
        Assert.Equal(0.825, row.ValueOf(RunComparison.DiceKey(1)), 12);
        Assert.Equal(0.125, row.ValueOf(RunComparison.DifferenceKey(1)), 12);
    }

    [Fact]
    public void The_view_shows_mean_Dice_per_label_and_run_and_sorts_cases_by_the_largest_loss_first()
    {
        var view = Context.Render<RunComparisonView>(p => p
            .Add(c => c.LabId, "kidney-lab").Add(c => c.Project, "kits").Add(c => c.Runs, [Baseline, Better]));

        var label1 = view.Find("[data-testid=compare-summary-row][data-label='1']");
        Assert.Equal(["0.650", "0.600"], label1.QuerySelectorAll("[data-testid=compare-summary-mean]").Select(c => c.TextContent));
        // The difference pairs the cases both runs scored with a defined Dice (case_1 and case_2): (0.05 − 0.30) / 2.
        Assert.Equal("−0.125", label1.QuerySelector("[data-testid=compare-summary-diff]")!.TextContent);
        Assert.Contains("3 of 4 case(s)", view.Find("[data-testid=compare-shared-cases]").TextContent);
        Assert.Equal(2, view.FindAll("[data-testid=box-plot]").Count);
        Assert.Equal(2, view.FindAll("[data-testid=box-plot]")[0].QuerySelectorAll("li[data-series]").Length);

        // Mean over labels: case_2 loses 0.15, case_1 gains 0.125; cases without a difference go last.
        var rows = view.FindAll("[data-testid=case-row]");
        Assert.Equal(["case_2", "case_1", "case_3", "case_4"], rows.Select(r => r.GetAttribute("data-case")));
        Assert.Equal("−0.150", rows[0].QuerySelector("[data-testid=compare-diff]")!.TextContent);
    }
}
