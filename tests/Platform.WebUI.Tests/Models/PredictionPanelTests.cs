using Bunit;
using Platform.Grains.Abstractions.Models;
using Platform.Grains.Abstractions.Predictions;
using Platform.WebUI.Components.Models;
using Xunit;

namespace Platform.WebUI.Tests.Models;

/// <summary>The prediction panel offers Retry for a failed job to people who may edit, and only then; a classification
/// or regression model's cases show their class or value.</summary>
public sealed class PredictionPanelTests : MudBlazorContext
{
    private const string DiskFull = "The work root '/work' is full: No space left on device while writing the prediction of case '00002' to '/work/x/00002.nii.gz' (0 bytes free on its filesystem).";

    [Fact]
    public void A_failed_job_shows_its_error_and_a_retry_that_calls_back()
    {
        var retried = 0;
        var panel = Render(Snapshot(PredictionState.Failed, DiskFull), canEdit: true, () => retried++);

        Assert.Equal(DiskFull, panel.Find("[data-testid=prediction-error]").TextContent.Trim());
        panel.Find("[data-testid=prediction-retry]").Click();
        Assert.Equal(1, retried);
        Assert.Empty(panel.FindAll("[data-testid=prediction-cancel]"));
    }

    [Theory]
    [InlineData(PredictionState.Failed, false)]
    [InlineData(PredictionState.Running, true)]
    [InlineData(PredictionState.Completed, true)]
    [InlineData(PredictionState.Cancelled, true)]
    public void No_retry_for_viewers_or_jobs_that_did_not_fail(PredictionState state, bool canEdit)
    {
        var panel = Render(Snapshot(state, null), canEdit, () => { });

        Assert.Empty(panel.FindAll("[data-testid=prediction-retry]"));
    }

    [Fact]
    public void A_classification_models_cases_show_the_predicted_class_instead_of_a_label_map()
    {
        var snapshot = Snapshot(PredictionState.Completed, null) with
        {
            Cases = [new PredictionCaseResult("00001", "kits", true, null, "lesion (p 0.93)"), new PredictionCaseResult("00002", "kits", false, "Case 00002: unreadable")],
        };

        var panel = Render(snapshot, canEdit: true, () => { });

        Assert.Equal("lesion (p 0.93)", panel.Find("[data-testid=prediction-summary]").TextContent);
        Assert.Contains(panel.FindAll("[data-testid=prediction-cases] th"), th => th.TextContent == "Prediction");
        Assert.Empty(panel.FindAll("[data-testid=prediction-download]"));
        Assert.Empty(panel.FindAll("[data-testid=prediction-view]"));
    }

    private IRenderedComponent<PredictionPanel> Render(PredictionSnapshot snapshot, bool canEdit, Action onRetry) =>
        Context.Render<PredictionPanel>(p => p
            .Add(c => c.Prediction, snapshot)
            .Add(c => c.LabId, "lab-a")
            .Add(c => c.Project, "Kidney")
            .Add(c => c.CanEdit, canEdit)
            .Add(c => c.OnRetry, onRetry));

    private static PredictionSnapshot Snapshot(PredictionState state, string? error) => new(
        "pred-20261208000000-0001", new ModelRef(ModelKind.Run, "run-1"), state, 2, 1, 0,
        [new PredictionCaseResult("00001", "kits", true, null), new PredictionCaseResult("00002", "kits", false, null)],
        [], null, error, "admin", DateTimeOffset.UnixEpoch, null, false);
}
