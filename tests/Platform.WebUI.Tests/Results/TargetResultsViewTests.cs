using Bunit;
using Platform.Grains.Abstractions.Results;
using Platform.Plans.Tasks;
using Platform.WebUI.Components.Results;
using Xunit;

namespace Platform.WebUI.Tests.Results;

public sealed class TargetResultsViewTests : ResultsContext
{
    private IRenderedComponent<TargetResultsView> Render(RunTargetResults results) => Context.Render<TargetResultsView>(p => p.Add(c => c.Results, results));

    [Fact]
    public void A_classification_run_shows_its_figures_auroc_per_class_and_the_confusion_matrix_with_class_names()
    {
        var cases = new List<CaseTargetResult>
        {
            new("c1", 0, 0, [0.8, 0.2], null, null),
            new("c2", 1, 0, [0.6, 0.4], null, null),
            new("c3", 1, 1, [0.1, 0.9], null, null),
        };
        var figures = new ClassificationFigures(3, 2.0 / 3, 0.75, [1.0, 1.0], [0.5, 1.0], [1.0, 0.5], [[1, 0], [1, 1]]);
        var view = Render(new RunTargetResults(TaskKind.Classification, ["none", "lesion"], cases, figures, null));

        Assert.Equal("0.667", view.Find("[data-testid=figure-accuracy]").TextContent);
        Assert.Equal("0.750", view.Find("[data-testid=figure-balanced-accuracy]").TextContent);
        Assert.Equal(["none", "lesion"], view.FindAll("[data-testid=class-name]").Select(c => c.TextContent));
        Assert.Equal(["1.000", "1.000"], view.FindAll("[data-testid=class-auroc]").Select(c => c.TextContent));
        Assert.Equal(["0.500", "1.000"], view.FindAll("[data-testid=class-precision]").Select(c => c.TextContent));
        Assert.Equal(["1.000", "0.500"], view.FindAll("[data-testid=class-recall]").Select(c => c.TextContent));
        // Rows true, columns predicted, both named: one lesion case was called none.
        Assert.Equal(["none", "lesion"], view.FindAll("[data-testid=confusion-predicted]").Select(c => c.TextContent));
        Assert.Equal(["none", "lesion"], view.FindAll("[data-testid=confusion-true]").Select(c => c.TextContent));
        Assert.Equal(["1", "0", "1", "1"], view.FindAll("[data-testid=confusion-count]").Select(c => c.TextContent));
        Assert.Equal(["lesion", "none"], view.FindAll("[data-testid=target-case-row][data-case=c2] td").Skip(1).Take(2).Select(c => c.TextContent));
        Assert.Empty(view.FindAll("[data-testid=predicted-vs-true]"));
    }

    [Fact]
    public void A_regression_run_shows_its_errors_and_a_predicted_versus_true_scatter_of_its_scored_cases()
    {
        var cases = new List<CaseTargetResult>
        {
            new("c1", null, null, [], 10, 12.5),
            new("c2", null, null, [], 20, 18),
            new("c3", null, null, [], null, 15),
        };
        var view = Render(new RunTargetResults(TaskKind.Regression, [], cases, null, new RegressionFigures(2, 2.25, 5.125, 0.795)));

        Assert.Equal("2.25", view.Find("[data-testid=figure-mae]").TextContent);
        Assert.Equal("5.125", view.Find("[data-testid=figure-mse]").TextContent);
        Assert.Equal("0.795", view.Find("[data-testid=figure-r2]").TextContent);
        // The case without a true value is listed but not plotted.
        var series = view.Find("[data-testid=predicted-vs-true-summary] li");
        Assert.Equal("2", series.GetAttribute("data-points"));
        Assert.Contains("c1: 10 → 12.5", series.TextContent);
        Assert.Equal(["—", "15"], view.FindAll("[data-testid=target-case-row][data-case=c3] td").Skip(1).Take(2).Select(c => c.TextContent));
        Assert.Empty(view.FindAll("[data-testid=confusion-matrix]"));
    }

    [Fact]
    public void A_run_whose_validation_has_no_target_says_nothing_was_scored() =>
        Assert.NotNull(Render(new RunTargetResults(TaskKind.Classification, ["a", "b"], [new("c1", null, 1, [0.3, 0.7], null, null)], null, null))
            .Find("[data-testid=target-figures-none]"));
}
