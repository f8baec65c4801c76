using Bunit;
using Platform.Grains.Abstractions.Results;
using Platform.WebUI.Components.Viewer;
using Xunit;

namespace Platform.WebUI.Tests.Viewer;

public sealed class CaseDicePanelTests : MudBlazorContext
{
    private const string RunId = "base-f0-20250101000000-ab12";

    private static CaseScore Score(int label, double dice, long reference = 100, long predicted = 90) =>
        new("00001", label, dice, dice, 80, 10, 20, predicted, reference);

    private IRenderedComponent<CaseDicePanel> RenderPanel(string? runId, params CaseScore[] scores) =>
        Context.Render<CaseDicePanel>(p => p.Add(c => c.RunId, runId).Add(c => c.Scores, scores));

    [Fact]
    public void One_row_per_label_in_label_order_with_dice_to_three_places()
    {
        var panel = RenderPanel(RunId, Score(2, 0.5), Score(1, 0.91234, reference: 1234));

        var rows = panel.FindAll("[data-testid=viewer-dice-row]");
        Assert.Equal(["1", "2"], rows.Select(r => r.GetAttribute("data-label")));
        Assert.Equal(["0.912", "0.500"], panel.FindAll("[data-testid=viewer-dice-value]").Select(c => c.TextContent.Trim()));
        Assert.Contains("1,234", rows[0].TextContent);
        Assert.Contains("0.706", panel.Find("[data-testid=viewer-dice-mean]").TextContent);
    }

    [Fact]
    public void A_label_empty_on_both_sides_shows_a_dash_and_is_left_out_of_the_mean()
    {
        var panel = RenderPanel(RunId, Score(1, 0.8), Score(2, double.NaN, reference: 0, predicted: 0));

        Assert.Equal(["0.800", "—"], panel.FindAll("[data-testid=viewer-dice-value]").Select(c => c.TextContent.Trim()));
        Assert.Contains("0.800", panel.Find("[data-testid=viewer-dice-mean]").TextContent);
    }

    [Fact]
    public void Without_scores_the_panel_says_why_with_or_without_a_run()
    {
        Assert.Contains("validation fold", RenderPanel(RunId).Find("[data-testid=viewer-dice-empty]").TextContent);
        Assert.Contains("from a run's results", RenderPanel(null).Find("[data-testid=viewer-dice-empty]").TextContent);
        Assert.Empty(RenderPanel(null).FindAll("[data-testid=viewer-dice-row]"));
    }
}
