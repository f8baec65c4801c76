using Bunit;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Results;
using Xunit;

namespace Platform.WebUI.Tests.Results;

public sealed class SurfaceAndLesionColumnsTests : ResultsContext
{
    private static RunSnapshot Completed() => new(
        "3d-f0-run", new RunRequest("3d", 2, 0, 42, "default"), RunState.Completed, "1.0", DateTimeOffset.UnixEpoch, "alice", [], [], null,
        new RunResultSummary(10, new Dictionary<string, double>(), "checkpoint", "done"));

    // Case a: 3 lesions, 2 found, 3 components, 2 matched (lesion F1 2/3). Case b: a prediction on an empty reference
    // (HD95 ∞, lesion F1 0). Pooled over both: 2 of 3 found, 2 of 4 components matched → F1 2·(2/3·1/2)/(2/3 + 1/2) = 4/7.
    private static readonly CaseScore[] Scores =
    [
        new("a", 1, 0.8, 0.67, 8, 2, 2, 10, 10, Hd95Mm: 1.5, SurfaceDice: 0.9, LesionDice: 0.25, ReferenceLesions: 3, DetectedLesions: 2, PredictedLesions: 3, MatchedPredictions: 2),
        new("b", 1, 0, 0, 0, 4, 0, 4, 0, Hd95Mm: double.PositiveInfinity, SurfaceDice: 0, LesionDice: 0, ReferenceLesions: 0, DetectedLesions: 0, PredictedLesions: 1, MatchedPredictions: 0),
    ];

    private IRenderedComponent<RunResultsView> Render(IReadOnlyList<CaseScore> scores) => Context.Render<RunResultsView>(p => p
        .Add(c => c.LabId, "kidney-lab").Add(c => c.Project, "kits").Add(c => c.RunId, "3d-f0-run")
        .Add(c => c.Run, Completed()).Add(c => c.Scores, scores));

    [Fact]
    public void Each_case_shows_hd95_surface_dice_lesion_dice_and_lesion_f1()
    {
        var view = Render(Scores);

        var a = view.Find("[data-testid=case-row][data-case=a]");
        Assert.Equal("1.500", a.QuerySelector("[data-testid=case-hd95]")!.TextContent);
        Assert.Equal("0.900", a.QuerySelector("[data-testid=case-surface-dice]")!.TextContent);
        Assert.Equal("0.250", a.QuerySelector("[data-testid=case-lesion-dice]")!.TextContent);
        Assert.Equal("0.667", a.QuerySelector("[data-testid=case-lesion-f1]")!.TextContent);
        Assert.Contains("2 of 3 lesions found", a.QuerySelector("[data-testid=case-lesion-f1]")!.GetAttribute("title"));
        var b = view.Find("[data-testid=case-row][data-case=b]");
        Assert.Equal("∞", b.QuerySelector("[data-testid=case-hd95]")!.TextContent);
        Assert.Null(b.QuerySelector("[data-testid=case-hd95]")!.GetAttribute("style")); // a distance is never flagged as low
        Assert.Equal("0.000", b.QuerySelector("[data-testid=case-lesion-f1]")!.TextContent);
    }

    [Fact]
    public void The_label_summary_shows_means_and_the_pooled_lesion_f1()
    {
        var row = Render(Scores).Find("[data-testid=label-figures-row][data-label='1']");

        Assert.Equal("∞", row.QuerySelector("[data-testid=figures-hd95]")!.TextContent);
        Assert.Equal("0.450", row.QuerySelector("[data-testid=figures-surface-dice]")!.TextContent);
        Assert.Equal("0.125", row.QuerySelector("[data-testid=figures-lesion-dice]")!.TextContent);
        Assert.Equal("0.333", row.QuerySelector("[data-testid=figures-lesion-f1]")!.TextContent); // mean of 2/3 and 0
        Assert.Equal("0.571", row.QuerySelector("[data-testid=figures-pooled-f1]")!.TextContent); // 4/7
        Assert.Equal("2 of 3", row.QuerySelector("[data-testid=figures-lesions]")!.TextContent);
    }

    [Fact]
    public void The_csv_download_has_the_new_columns()
    {
        var csv = CaseScoreCsv.Write(RunScoreTable.Columns([1], Scores), RunScoreTable.Rows(Scores, "run"), withFold: false).Split("\r\n");

        Assert.Equal("case,dice-mean,dice-1,hd95_mm-1,surface_dice-1,lesion_dice-1,lesion_f1-1", csv[0]);
        Assert.StartsWith("a,0.8,0.8,1.5,0.9,0.25,0.6666666666666", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("b,0,0,Infinity,0,0,0", csv[2], StringComparison.Ordinal); // full precision, as pandas reads it
    }

    [Fact]
    public void Runs_stored_before_these_figures_keep_the_dice_only_table()
    {
        var view = Render([Score("a", 1, 0.9)]);

        Assert.Empty(view.FindAll("[data-testid=case-hd95]"));
        Assert.Empty(view.FindAll("[data-testid=case-lesion-f1]"));
        Assert.Empty(view.FindAll("[data-testid=label-figures-table]"));
    }

    [Fact]
    public void With_label_names_headers_name_the_label_and_csv_columns_keep_its_number()
    {
        var names = Grains.Abstractions.Projects.LabelNames.Resolve(new Dictionary<int, string> { [1] = "Left kidney" }, []);
        var columns = RunScoreTable.Columns([1], Scores, names);

        Assert.Equal("Left kidney (1)", columns.Single(c => c.Key == RunScoreTable.LabelKey(1)).Header);
        var csv = CaseScoreCsv.Write(columns, RunScoreTable.Rows(Scores, "run"), withFold: false).Split("\r\n");
        Assert.Equal("case,dice-mean,dice-1-left_kidney,hd95_mm-1-left_kidney,surface_dice-1-left_kidney,lesion_dice-1-left_kidney,lesion_f1-1-left_kidney", csv[0]);
    }
}
