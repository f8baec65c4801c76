using Bunit;
using Platform.WebUI.Components.Sweeps;
using Xunit;

namespace Platform.WebUI.Tests.Sweeps;

public sealed class SweepTrialTableTests : MudBlazorContext
{
    private IRenderedComponent<SweepTrialTable> RenderTable() =>
        Context.Render<SweepTrialTable>(p => p.Add(c => c.Snapshot, SweepSamples.Snapshot()));

    private static string[] TrialOrder(IRenderedComponent<SweepTrialTable> table) =>
        table.FindAll("[data-testid=trial-row]").Select(r => r.GetAttribute("data-trial")!).ToArray();

    [Fact]
    public void Trials_are_listed_by_number_with_a_column_per_parameter()
    {
        var table = RenderTable();

        Assert.Equal(["0", "1", "2", "3"], TrialOrder(table));
        var first = table.FindAll("[data-testid=trial-row]")[0];
        Assert.Equal(["0.001", "0.25", "sgd"], first.QuerySelectorAll("[data-testid=trial-parameter]").Select(c => c.TextContent));
        Assert.Equal("rung 1 (2 epochs)", first.QuerySelector("[data-testid=trial-rung]")!.TextContent);
        Assert.Equal("0.5000", first.QuerySelector("[data-testid=trial-best-metric]")!.TextContent);
    }

    [Fact]
    public void The_best_trial_is_marked_and_no_other()
    {
        var table = RenderTable();

        var best = table.FindAll("[data-testid=trial-row][data-best=true]");
        Assert.Equal("2", Assert.Single(best).GetAttribute("data-trial"));
        Assert.Single(table.FindAll("[data-testid=best-trial-marker]"));
    }

    [Fact]
    public void Sorting_by_a_parameter_orders_its_values_as_numbers_and_again_reverses()
    {
        var table = RenderTable();

        table.Find("[data-testid=sort-param-0]").Click(); // learning rate
        Assert.Equal(["1", "0", "3", "2"], TrialOrder(table)); // 1e-4, 1e-3 (trial 0 before 3), 1e-2

        table.Find("[data-testid=sort-param-0]").Click();
        Assert.Equal(["2", "0", "3", "1"], TrialOrder(table));
    }

    [Fact]
    public void Sorting_by_metric_puts_the_best_first_and_trials_without_a_metric_last()
    {
        var table = RenderTable();

        table.Find("[data-testid=sort-best]").Click();

        Assert.Equal(["2", "1", "0", "3"], TrialOrder(table));
        Assert.Equal("descending", table.Find("th[aria-sort=descending]").GetAttribute("aria-sort"));
    }

    [Fact]
    public void Sorting_by_rung_puts_completed_trials_after_stopped_ones()
    {
        var table = RenderTable();

        table.Find("[data-testid=sort-rung]").Click();

        Assert.Equal(["3", "0", "1", "2"], TrialOrder(table));
    }
}
