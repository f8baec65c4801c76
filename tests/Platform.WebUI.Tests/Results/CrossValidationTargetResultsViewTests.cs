using Bunit;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Results;
using Platform.Plans.Tasks;
using Platform.WebUI.Components.Results;
using Xunit;

namespace Platform.WebUI.Tests.Results;

public sealed class CrossValidationTargetResultsViewTests : ResultsContext
{
    private IRenderedComponent<CrossValidationTargetResultsView> Render(CrossValidationTargetResult targets) =>
        Context.Render<CrossValidationTargetResultsView>(p => p.Add(c => c.Targets, targets));

    private static ClassificationFigures Figures(int cases, double accuracy) =>
        new(cases, accuracy, accuracy, [0.9, 0.9], [1, 1], [1, 1], [[cases, 0], [0, 0]]);

    [Fact]
    public void A_classification_cross_validation_shows_each_folds_figures_the_pooled_cases_and_the_ensembles_test_cases()
    {
        var pooled = new RunTargetResults(TaskKind.Classification, ["none", "lesion"],
            [new("a", 0, 0, [0.9, 0.1], null, null), new("b", 1, 1, [0.2, 0.8], null, null)], Figures(2, 1), null);
        var test = new RunTargetResults(TaskKind.Classification, ["none", "lesion"], [new("t", 1, 0, [0.7, 0.3], null, null)], Figures(1, 0), null);
        var view = Render(new CrossValidationTargetResult(pooled, [new(0, Figures(1, 1), null), new(1, Figures(1, 0.5), null)], test));

        Assert.Equal(["0", "1"], view.FindAll("[data-testid=cv-target-fold-row]").Select(r => r.GetAttribute("data-fold")));
        Assert.Equal(["1.000", "0.500"], view.FindAll("[data-testid=cv-target-fold-accuracy]").Select(c => c.TextContent));
        Assert.Contains(view.FindAll("[data-testid=cv-target-folds] th"), th => th.TextContent == "AUROC lesion");
        // The pooled validation and the test cases each get their own figures, named for which cases they are.
        Assert.Equal(["Classification over 2 validation cases", "Classification over 1 test cases"],
            view.FindAll("[data-testid=target-figures-heading]").Select(h => h.TextContent));
        Assert.Equal(["a", "b", "t"], view.FindAll("[data-testid=target-case-row]").Select(r => r.GetAttribute("data-case")));
        Assert.Empty(view.FindAll("[data-testid=cv-test-empty]"));
    }

    [Fact]
    public void A_regression_cross_validation_without_test_cases_shows_its_errors_per_fold_and_says_there_is_no_test_case()
    {
        var pooled = new RunTargetResults(TaskKind.Regression, [], [new("a", null, null, [], 10, 11)], null, new RegressionFigures(1, 1, 1, double.NaN));
        var view = Render(new CrossValidationTargetResult(pooled, [new(0, null, new RegressionFigures(1, 1, 1, double.NaN)), new(1, null, null)], null));

        Assert.Equal(["1"], view.FindAll("[data-testid=cv-target-fold-mae]").Select(c => c.TextContent));
        Assert.Contains("no validation case with a target", view.FindAll("[data-testid=cv-target-fold-row]")[1].TextContent);
        Assert.NotNull(view.Find("[data-testid=cv-test-empty]"));
    }
}
