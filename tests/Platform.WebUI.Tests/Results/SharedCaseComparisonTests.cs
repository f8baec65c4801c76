using Bunit;
using Platform.WebUI.Components.Results;
using Xunit;

namespace Platform.WebUI.Tests.Results;

/// <summary>Comparisons speak only about cases the runs share: runs of different folds share none and get no difference.</summary>
public sealed class SharedCaseComparisonTests : ResultsContext
{
    private static readonly ComparedRun FoldZero = new("3d-f0", [Score("case_1", 1, 0.80), Score("case_2", 1, 0.60)]);
    private static readonly ComparedRun FoldOne = new("3d-f1", [Score("case_3", 1, 0.90), Score("case_4", 1, 0.70)]);
    private static readonly ComparedRun Overlapping = new("3d-f0-again", [Score("case_2", 1, 0.70), Score("case_3", 1, 0.50)]);

    [Fact]
    public void Runs_of_different_folds_share_no_case_and_have_no_mean_difference()
    {
        Assert.Empty(RunComparison.SharedCases([FoldZero, FoldOne]));
        Assert.True(double.IsNaN(RunComparison.MeanDifference(FoldOne, FoldZero, 1)));
    }

    [Fact]
    public void Overlapping_runs_share_the_common_cases_and_differ_only_over_them()
    {
        Assert.Equal(["case_2"], RunComparison.SharedCases([FoldZero, Overlapping]));
        Assert.Equal(0.10, RunComparison.MeanDifference(Overlapping, FoldZero, 1), 12);
        Assert.Empty(RunComparison.SharedCases([FoldZero, Overlapping, FoldOne]));
    }

    [Fact]
    public void The_view_warns_when_runs_share_no_case_and_shows_no_difference()
    {
        var view = Context.Render<RunComparisonView>(p => p
            .Add(c => c.LabId, "kidney-lab").Add(c => c.Project, "kits").Add(c => c.Runs, [FoldZero, FoldOne]));

        Assert.Contains("share no case", view.Find("[data-testid=compare-no-shared-cases]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=compare-shared-cases]"));
        Assert.Equal("—", view.Find("[data-testid=compare-summary-diff]").TextContent);
        Assert.All(view.FindAll("[data-testid=compare-diff]"), cell => Assert.Equal("—", cell.TextContent));
    }

    [Fact]
    public void The_view_says_how_many_cases_the_runs_share()
    {
        var view = Context.Render<RunComparisonView>(p => p
            .Add(c => c.LabId, "kidney-lab").Add(c => c.Project, "kits").Add(c => c.Runs, [FoldZero, Overlapping]));

        Assert.Contains("1 of 3 case(s)", view.Find("[data-testid=compare-shared-cases]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=compare-no-shared-cases]"));
        Assert.Equal("+0.100", view.Find("[data-testid=compare-summary-diff]").TextContent);
    }
}
