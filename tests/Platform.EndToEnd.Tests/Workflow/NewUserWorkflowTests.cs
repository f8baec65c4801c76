using Microsoft.Playwright;
using Platform.DemoData.Layouts;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Workflow;

/// <summary>
/// The workflow in Chromium against the whole system, as a new user tries it: sign-in (wrong password, then right),
/// a lab, a project, a generated datasource registered through the folder picker with its cases in the table, a plan
/// auto-configured, edited, saved twice and compared, edited by two sessions at once and merged, a split previewed and saved, a short CPU training whose loss
/// curve grows live (a hover shows its values), a label named on the project and seen in results, curves and the viewer legend,
/// Dice per case, the viewer with the prediction overlaid, two fold runs that share no case flagged when compared, two
/// cross-validations compared on their pooled scores; and a second user from another lab who
/// sees none of it. Every step leaves a screenshot in test-output/e2e.
/// </summary>
[Collection(PlatformSystemCollection.Name)]
public sealed class NewUserWorkflowTests(PlatformSystemFixture system, ITestOutputHelper output)
{
    private static readonly ViewportSize Viewport = new() { Width = 1280, Height = 860 };
    private readonly string _screenshots = RepositoryPaths.TestOutput("e2e");
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task A_new_user_goes_from_a_datasource_to_dice_and_the_viewer_and_another_labs_member_sees_none_of_it()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var admin = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Viewport });
        var labName = $"Kidney {_run}";
        var labId = $"kidney-{_run}";
        var otherLabId = $"liver-{_run}";
        var project = $"kits_{_run}";
        var userName = $"user-{_run}";
        var userPassword = $"pass-{_run}-long-enough";
        var folder = WriteDatasource(labId);

        await StepAsync(admin, "01-signin-redirect", async () =>
        {
            await admin.GotoAsync(Url($"labs/{labId}"));
            await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("account/signin"));
        });
        await StepAsync(admin, "02-signin-wrong-password", async () =>
        {
            await SignIn.SubmitAsync(admin, SignIn.AdminUser, "not-the-password");
            await Assertions.Expect(admin.GetByTestId("signin-error")).ToContainTextAsync("not right");
        });
        await StepAsync(admin, "03-signed-in", async () =>
        {
            await SignIn.SubmitAsync(admin, SignIn.AdminUser, system.AdminPassword);
            await Assertions.Expect(admin.GetByTestId("signed-in-user")).ToHaveTextAsync(SignIn.AdminUser);
        });
        await StepAsync(admin, "04-lab-created", async () =>
        {
            await WorkflowSteps.CreateLabAsync(admin, system.WebUi, labName, labId);
            await WorkflowSteps.CreateLabAsync(admin, system.WebUi, $"Liver {_run}", otherLabId);
        });
        await StepAsync(admin, "05-project-created", async () =>
        {
            await admin.GotoAsync(Url($"labs/{labId}"));
            await SignIn.FillWhenInteractiveAsync(admin, [("project-title-input", project), ("project-description-input", "Kidney and tumour")],
                SignIn.Enabled(admin, "create-project-button"));
            await admin.GetByTestId("create-project-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("project-heading")).ToHaveTextAsync(project);
            await Assertions.Expect(admin.GetByTestId("datasources-empty")).ToBeVisibleAsync();
        });
        await StepAsync(admin, "06-datasource-registered", async () =>
        {
            // The folder picker: open the run's folder, then the datasource inside it (the name is suggested from it).
            await admin.GetByTestId("folder-item").Filter(new() { HasText = Path.GetFileName(Path.GetDirectoryName(folder)) }).ClickAsync();
            await admin.GetByTestId("folder-item").Filter(new() { HasText = "kits" }).ClickAsync();
            await Assertions.Expect(admin.Locator("input[data-testid=datasource-name-input]")).ToHaveValueAsync("kits");
            await Assertions.Expect(admin.GetByTestId("register-datasource-button")).ToBeEnabledAsync();
            await admin.GetByTestId("register-datasource-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("datasource-name")).ToHaveTextAsync("kits");
        });
        await StepAsync(admin, "07-project-overview", async () =>
        {
            // Validation runs in the background; the overview polls until it is done, then shows the fingerprint.
            await Assertions.Expect(admin.GetByTestId("fingerprint-cases")).ToContainTextAsync("3 usable cases", new() { Timeout = 90_000 });
            // Background (0), kidney (1) and tumour (2), each in all 3 cases.
            await Assertions.Expect(admin.GetByTestId("label-value")).ToHaveTextAsync(["0", "1", "2"]);
            // The fingerprint's charts carry their values (the spacing per axis written on the bars).
            var spacing = admin.GetByTestId("spacing-chart");
            await Assertions.Expect(spacing.Locator(".main-svg").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(spacing.Locator(".bartext").First).ToBeVisibleAsync();
            await Assertions.Expect(admin.GetByTestId("shape-statistics-row")).ToHaveCountAsync(3);
            await ShotAsync(spacing, "07-fingerprint-spacing-chart");
            await ShotAsync(admin.GetByTestId("shape-statistics"), "07-shape-statistics");
        });
        await StepAsync(admin, "07a-label-named", async () =>
        {
            // Label 1 gets a name on the project; results, curves and the viewer legend show it from now on.
            await WorkflowSteps.FillFieldAsync(admin, "label-name-input-1", "kidney");
            await admin.GetByTestId("label-names-save").ClickAsync();
            await admin.ReloadAsync();
            await Assertions.Expect(admin.Locator("input[data-testid=label-name-input-1]")).ToHaveValueAsync("kidney", new() { Timeout = 30_000 });
            await ShotAsync(admin.GetByTestId("label-table"), "07a-label-table");
        });
        await StepAsync(admin, "08-case-table", async () =>
        {
            await admin.GetByTestId("datasource-name").GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(admin.GetByTestId("case-id")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        });
        await StepAsync(admin, "09-plan-auto-configured-v1", async () =>
        {
            await admin.GotoAsync(Url($"labs/{labId}/projects/{project}"));
            await admin.GetByTestId("project-plans-link").ClickAsync();
            await SignIn.FillWhenInteractiveAsync(admin, [("new-plan-name-input", "3d_fullres")], SignIn.Enabled(admin, "create-plan-button"));
            await admin.GetByTestId("create-plan-button").ClickAsync();
            // Auto-configuration from the fingerprint runs as the editor opens; then the training is cut short for a CPU.
            await Assertions.Expect(admin.GetByTestId("auto-configure-result")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await WorkflowSteps.FillFieldAsync(admin, "field-training-epochs", "3");
            await WorkflowSteps.FillFieldAsync(admin, "field-training-iterations-per-epoch", "2");
            await WorkflowSteps.FillFieldAsync(admin, "field-training-validation-iterations", "1");
            await WorkflowSteps.FillFieldAsync(admin, "plan-comment-input", "auto-configured, short CPU training");
            await admin.GetByTestId("save-plan-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("plan-version")).ToContainTextAsync("Version 1,", new() { Timeout = 30_000 });
        });
        await StepAsync(admin, "10-plan-edited-v2", async () =>
        {
            await WorkflowSteps.FillFieldAsync(admin, "field-training-epochs", "2");
            await WorkflowSteps.FillFieldAsync(admin, "plan-comment-input", "two epochs");
            await admin.GetByTestId("save-plan-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("plan-version")).ToContainTextAsync("Version 2,", new() { Timeout = 30_000 });
        });
        await StepAsync(admin, "11-plan-versions-compared", async () =>
        {
            await admin.GetByTestId("plan-versions-link").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("version-number")).ToHaveCountAsync(2);
            await WorkflowSteps.ClickWhenInteractiveAsync(admin, "compare-versions-button", async () => await admin.GetByTestId("diff-row").CountAsync() > 0);
            // Only the field that changed between the two saves: epochs 3 → 2.
            await Assertions.Expect(admin.GetByTestId("diff-row")).ToHaveCountAsync(1);
            await Assertions.Expect(admin.GetByTestId("diff-row")).ToHaveAttributeAsync("data-field", "training.epochs");
            await Assertions.Expect(admin.GetByTestId("diff-row-before")).ToHaveTextAsync("3");
            await Assertions.Expect(admin.GetByTestId("diff-row-after")).ToHaveTextAsync("2");
        });
        // Two sessions edit the same plan: the later save merges three ways instead of overwriting the earlier one.
        var planUrl = Url($"labs/{labId}/projects/{project}/plans/3d_fullres");
        var colleague = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Viewport })).NewPageAsync();
        await StepAsync(colleague, "11a-second-session-opens-v2", async () =>
        {
            await SignIn.AsAsync(colleague, system.WebUi, SignIn.AdminUser, system.AdminPassword);
            await colleague.GotoAsync(planUrl);
            await Assertions.Expect(colleague.GetByTestId("plan-version")).ToContainTextAsync("Version 2,", new() { Timeout = 30_000 });
            await WorkflowSteps.FillFieldAsync(colleague, "plan-comment-input", "waiting");
        });
        await StepAsync(admin, "11b-first-session-saves-epochs-v3", async () =>
        {
            await admin.GotoAsync(planUrl);
            await WorkflowSteps.FillFieldAsync(admin, "field-training-epochs", "3");
            await admin.GetByTestId("save-plan-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("plan-version")).ToContainTextAsync("Version 3,", new() { Timeout = 30_000 });
        });
        await StepAsync(colleague, "11c-conflict-merge-offered", async () =>
        {
            await WorkflowSteps.FillFieldAsync(colleague, "field-training-learning-rate", "0.02");
            await WorkflowSteps.FillFieldAsync(colleague, "plan-comment-input", "faster learning");
            await colleague.GetByTestId("save-plan-button").ClickAsync();
            await Assertions.Expect(colleague.GetByTestId("plan-conflict-dialog")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(colleague.GetByTestId("conflict-theirs-row")).ToHaveAttributeAsync("data-field", "training.epochs");
            await Assertions.Expect(colleague.GetByTestId("conflict-mine-row")).ToHaveAttributeAsync("data-field", "training.learningRate");
            await Assertions.Expect(colleague.GetByTestId("conflict-both-row")).ToHaveCountAsync(0);
        });
        await StepAsync(colleague, "11d-merged-keeps-both-edits-v4", async () =>
        {
            await colleague.GetByTestId("conflict-merge-button").ClickAsync();
            await Assertions.Expect(colleague.GetByTestId("plan-version")).ToContainTextAsync("Version 4,", new() { Timeout = 30_000 });
            // What was saved, read back by the other session: their epochs and my learning rate.
            await admin.ReloadAsync();
            await Assertions.Expect(admin.GetByTestId("plan-version")).ToContainTextAsync("Version 4,", new() { Timeout = 30_000 });
            await Assertions.Expect(admin.Locator("input[data-testid=field-training-epochs]")).ToHaveValueAsync("3");
            await Assertions.Expect(admin.Locator("input[data-testid=field-training-learning-rate]")).ToHaveValueAsync("0.02");
        });
        await StepAsync(colleague, "11e-both-changed-field-asks", async () =>
        {
            await WorkflowSteps.FillFieldAsync(admin, "field-training-epochs", "2");
            await admin.GetByTestId("save-plan-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("plan-version")).ToContainTextAsync("Version 5,", new() { Timeout = 30_000 });
            await WorkflowSteps.FillFieldAsync(colleague, "field-training-epochs", "4");
            await colleague.GetByTestId("save-plan-button").ClickAsync();
            var both = colleague.GetByTestId("conflict-both-row");
            await Assertions.Expect(both).ToHaveAttributeAsync("data-field", "training.epochs", new() { Timeout = 30_000 });
            await Assertions.Expect(both).ToContainTextAsync("Theirs: 2");
            await Assertions.Expect(both).ToContainTextAsync("Mine: 4");
            await Assertions.Expect(colleague.GetByTestId("conflict-merge-button")).ToBeDisabledAsync();
        });
        await StepAsync(colleague, "11f-their-value-chosen-v6", async () =>
        {
            await colleague.GetByTestId("conflict-choose-theirs").ClickAsync();
            await colleague.GetByTestId("conflict-merge-button").ClickAsync();
            await Assertions.Expect(colleague.GetByTestId("plan-version")).ToContainTextAsync("Version 6,", new() { Timeout = 30_000 });
            await Assertions.Expect(colleague.Locator("input[data-testid=field-training-epochs]")).ToHaveValueAsync("2");
            await Assertions.Expect(colleague.Locator("input[data-testid=field-training-learning-rate]")).ToHaveValueAsync("0.02");
        });
        await colleague.Context.CloseAsync();
        await StepAsync(admin, "12-split-previewed-and-saved", async () =>
        {
            // In-app links from here on: the circuit is attached, so pages are interactive as soon as they show.
            await ProjectBreadcrumb(admin, project).ClickAsync();
            await admin.GetByTestId("project-splits-link").ClickAsync();
            await SignIn.FillWhenInteractiveAsync(admin, [("split-name-input", "default")], SignIn.Enabled(admin, "new-split-button"));
            await admin.GetByTestId("new-split-button").ClickAsync();
            await WorkflowSteps.FillFieldAsync(admin, "split-folds-input", "2");
            await WorkflowSteps.ClickWhenInteractiveAsync(admin, "preview-split-button", async () => await admin.GetByTestId("preview-fold-row").CountAsync() == 2);
            await admin.GetByTestId("save-split-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("fold-row")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("split-chart")).ToBeVisibleAsync();
        });
        string runUrl = "";
        await StepAsync(admin, "13-run-started", async () =>
        {
            await ProjectBreadcrumb(admin, project).ClickAsync();
            await admin.GetByTestId("project-runs-link").ClickAsync();
            // The estimate for this cluster's devices (CPUs only here); a short plan needs no warning.
            await Assertions.Expect(admin.GetByTestId("start-run-estimate")).ToContainTextAsync("Estimated on this cluster's CPUs", new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("start-run-gpu-warning")).ToHaveCountAsync(0);
            // The form's defaults are the latest plan version, the first split and fold 0.
            await admin.GetByTestId("start-run-button").ClickAsync();
            await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/runs/[^/]+$"), new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("run-heading")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("run-plan")).ToContainTextAsync("3d_fullres");
            runUrl = admin.Url;
        });
        await StepAsync(admin, "14-loss-curve-moves", async () =>
        {
            // Pushed by the run's progress observer: the curve grows on the open page, without a reload.
            var trainLoss = admin.GetByTestId("loss-chart").Locator("li[data-series='train loss']");
            await Assertions.Expect(trainLoss).ToHaveAttributeAsync("data-points", "1", new() { Timeout = 300_000 });
            await Assertions.Expect(admin.GetByTestId("run-state")).ToContainTextAsync("Running");
            await Assertions.Expect(trainLoss).ToHaveAttributeAsync("data-points", "2", new() { Timeout = 300_000 });
            // The pseudo-Dice curves are named as the project names its labels.
            await Assertions.Expect(admin.GetByTestId("dice-chart").Locator("li[data-series='kidney (1)']")).ToHaveCountAsync(1);
        });
        await StepAsync(admin, "15-run-completed", async () =>
        {
            await Assertions.Expect(admin.GetByTestId("run-state")).ToContainTextAsync("Completed", new() { Timeout = 300_000 });
            // Hovering a point of the training curve shows its value in Plotly's hover label.
            var lossChart = admin.GetByTestId("loss-chart");
            var hover = await HoverPointAsync(admin, lossChart);
            // Every curve's value at the hovered epoch, each in its own label.
            await Assertions.Expect(hover.Filter(new() { HasText = "train loss: " })).ToHaveCountAsync(1);
            await Assertions.Expect(hover.Filter(new() { HasText = "validation loss: " })).ToHaveCountAsync(1);
            await ShotAsync(lossChart, "15-loss-chart-hover");
            await ShotAsync(admin.GetByTestId("dice-chart"), "15-dice-chart");
            await admin.GetByTestId("run-results-link").ClickAsync();
        });
        string caseId = "";
        await StepAsync(admin, "16-dice-per-case", async () =>
        {
            await Assertions.Expect(admin.GetByTestId("dice-summary-row")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("box-plot")).ToHaveCountAsync(2);
            // The label's name in the summary table, the box plot's title and the per-case table's column.
            await Assertions.Expect(admin.GetByTestId("dice-summary-label")).ToHaveTextAsync(["kidney (1)", "label 2"]);
            await Assertions.Expect(admin.GetByTestId("box-plot-title").First).ToHaveTextAsync("kidney (1)");
            await Assertions.Expect(admin.GetByTestId("sort-label-1")).ToContainTextAsync("kidney (1)");
            // Plotly drew the boxes (attached, not visible: a tiny training's Dice are all 0, so a box may have no height).
            await Assertions.Expect(admin.GetByTestId("box-plot").First.Locator(".boxlayer .trace").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
            await ShotAsync(admin.GetByTestId("box-plots"), "16-box-plots");
            await ShotAsync(admin.GetByTestId("dice-summary-table"), "16-dice-summary");
            var rows = admin.GetByTestId("case-row");
            await Assertions.Expect(rows.First).ToBeVisibleAsync();
            caseId = (await rows.First.GetAttributeAsync("data-case"))!;
            await Assertions.Expect(rows.First.GetByTestId("case-dice").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(\d\.\d+|NaN|—)$"));
        });
        await StepAsync(admin, "16a-results-breadcrumb-has-runs", async () =>
        {
            var trail = admin.Locator(".mud-breadcrumbs");
            await Assertions.Expect(trail).ToContainTextAsync("Runs");
            await Assertions.Expect(trail.GetByRole(AriaRole.Link, new() { Name = "Runs" })).ToHaveAttributeAsync("href", $"labs/{labId}/projects/{project}/runs");
            await ShotAsync(trail, "16a-results-breadcrumb");
        });
        await StepAsync(admin, "17-viewer-with-prediction", async () =>
        {
            await admin.GetByTestId("case-viewer-link").First.ClickAsync();
            await Assertions.Expect(admin.GetByTestId("viewer-canvas")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("viewer-loading")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
            await Assertions.Expect(admin.GetByTestId("viewer-error")).ToHaveCountAsync(0);
            await Assertions.Expect(admin.GetByTestId("viewer-overlay-error")).ToHaveCountAsync(0);
            await Assertions.Expect(admin.GetByTestId("overlay-prediction-toggle")).ToBeCheckedAsync();
            await Assertions.Expect(admin.GetByTestId("viewer-dice-row")).ToHaveCountAsync(2);
            await Assertions.Expect(admin.GetByTestId("viewer-legend-name").First).ToContainTextAsync("kidney");
            await ShotAsync(admin.GetByTestId("viewer-label-legend"), "17-viewer-legend");
        });
        string modelUrl = "", predictionId = "";
        await StepAsync(admin, "17a-model-page", async () =>
        {
            await admin.GotoAsync(runUrl);
            await admin.GetByTestId("run-model-link").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("model-heading")).ToContainTextAsync("Model of run", new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("model-plan")).ToContainTextAsync("3d_fullres");
            await Assertions.Expect(admin.GetByTestId("model-folds")).ToContainTextAsync("0");
            await Assertions.Expect(admin.GetByTestId("model-inference")).ToContainTextAsync("patch");
        });
        await StepAsync(admin, "17b-model-package-downloaded", async () =>
        {
            var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByTestId("model-download").ClickAsync());
            var zip = Path.Combine(Path.GetTempPath(), $"e2e-model-{_run}.zip");
            await download.SaveAsAsync(zip);
            using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
            Assert.Contains(archive.Entries, e => e.FullName == "model.json");
            Assert.Contains(archive.Entries, e => e.FullName.EndsWith(".ckpt", StringComparison.Ordinal));
            Assert.EndsWith("-model.zip", download.SuggestedFilename, StringComparison.Ordinal);
        });
        await StepAsync(admin, "17c-prediction-completed", async () =>
        {
            var option = admin.Locator($"[data-testid=predict-case-option][data-case='{caseId}']");
            await WorkflowSteps.ClickWhenInteractiveAsync(admin, "predict-cases", async () => await option.CountAsync() > 0);
            await option.ClickAsync();
            await admin.Keyboard.PressAsync("Escape");
            await Assertions.Expect(admin.GetByTestId("predict-start")).ToContainTextAsync("Predict 1 case");
            await admin.GetByTestId("predict-start").ClickAsync();
            await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("prediction=pred-"), new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("prediction-state")).ToHaveTextAsync("completed", new() { Timeout = 300_000 });
            await Assertions.Expect(admin.GetByTestId("prediction-count")).ToContainTextAsync("1 of 1 case(s) predicted");
            (modelUrl, predictionId) = (admin.Url, new Uri(admin.Url).Query.Split("prediction=")[1].Split('&')[0]);
            var labels = await admin.RunAndWaitForDownloadAsync(() => admin.GetByTestId("prediction-download").ClickAsync());
            var path = Path.Combine(Path.GetTempPath(), $"e2e-prediction-{_run}.nii.gz");
            await labels.SaveAsAsync(path);
            Assert.Equal(new byte[] { 0x1f, 0x8b }, (await File.ReadAllBytesAsync(path))[..2]);
        });
        await StepAsync(admin, "17d-prediction-in-viewer", async () =>
        {
            await admin.GetByTestId("prediction-view").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("viewer-prediction")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("viewer-canvas")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("viewer-loading")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
            await Assertions.Expect(admin.GetByTestId("viewer-error")).ToHaveCountAsync(0);
            await Assertions.Expect(admin.GetByTestId("viewer-overlay-error")).ToHaveCountAsync(0);
            await Assertions.Expect(admin.GetByTestId("overlay-prediction-toggle")).ToBeCheckedAsync();
        });
        await StepAsync(admin, "17d2-viewer-readout-orientation-legend", async () =>
        {
            // No modality was chosen at registration: the image opens in its own percentile window, not a CT preset.
            await Assertions.Expect(admin.GetByTestId("window-preset-select")).ToHaveValueAsync("auto");
            Assert.True(double.Parse((await admin.GetByTestId("window-width-value").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture) > 0);
            // A click on the axial slice moves the crosshair there; the readout names the intensity and both labels there.
            var canvas = admin.GetByTestId("viewer-canvas");
            var box = (await canvas.BoundingBoxAsync())!;
            await canvas.ClickAsync(new() { Position = new() { X = box.Width * 0.25f, Y = box.Height * 0.25f } });
            await Assertions.Expect(admin.GetByTestId("viewer-readout")).ToContainTextAsync("intensity", new() { Timeout = 10_000 });
            await Assertions.Expect(admin.GetByTestId("viewer-readout")).ToContainTextAsync("reference:");
            await Assertions.Expect(admin.GetByTestId("viewer-readout")).ToContainTextAsync("prediction:");
            await admin.GetByTestId("viewer-orientation-select").SelectOptionAsync("neurological");
            await Assertions.Expect(admin.GetByTestId("viewer-orientation-select")).ToHaveValueAsync("neurological");
            await Assertions.Expect(admin.GetByTestId("viewer-error")).ToHaveCountAsync(0);
            // Every label the case has, with its colour in the reference and in the prediction.
            await Assertions.Expect(admin.GetByTestId("viewer-legend-reference")).ToHaveCountAsync(2);
            await Assertions.Expect(admin.GetByTestId("viewer-legend-prediction")).ToHaveCountAsync(2);
            await admin.GetByTestId("viewer-readout").ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "workflow-17d2-readout.png") });
            await admin.GetByTestId("viewer-label-legend").ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "workflow-17d2-legend.png") });
        });
        await LongWorkAndNavigationStepsAsync(admin, labName, labId, project, runUrl);
        await StepAsync(admin, "17e-cross-validations-started", async () =>
        {
            // Two cross-validations of the same plan and split (different seeds): every case validated once in each.
            foreach (var (name, seed) in new[] { ("cv-a", "11"), ("cv-b", "12") })
            {
                await admin.GotoAsync(Url($"labs/{labId}/projects/{project}/runs"));
                await WorkflowSteps.ClickWhenInteractiveAsync(admin, "start-run-mode-cv", async () => await admin.Locator("input[data-testid=start-run-cv-name-input]").CountAsync() > 0);
                await WorkflowSteps.FillFieldAsync(admin, "start-run-cv-name-input", name);
                await WorkflowSteps.FillFieldAsync(admin, "start-run-seed-input", seed);
                await admin.GetByTestId("start-run-button").ClickAsync();
                await Assertions.Expect(admin.GetByTestId("cross-validation-heading")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            }
        });
        await StepAsync(admin, "17f-cross-validations-completed", async () =>
        {
            foreach (var name in new[] { "cv-a", "cv-b" })
            {
                await admin.GotoAsync(Url($"labs/{labId}/projects/{project}/cross-validations/{name}"));
                await Assertions.Expect(admin.GetByTestId("cross-validation-state")).ToHaveTextAsync("Completed", new() { Timeout = 600_000 });
            }
        });
        await StepAsync(admin, "17g-fold-runs-share-no-case", async () =>
        {
            // The first run validated fold 0; cv-b's fold-1 run validated the other cases: nothing to compare.
            var foldOneRun = (await admin.GetByTestId("fold-run-link").Nth(1).TextContentAsync())!.Trim();
            var firstRun = runUrl[(runUrl.LastIndexOf('/') + 1)..];
            await admin.GotoAsync(Url($"labs/{labId}/projects/{project}/compare?runs={firstRun},{foldOneRun}"));
            var warning = admin.GetByTestId("compare-no-shared-cases");
            await Assertions.Expect(warning).ToContainTextAsync("These runs share no case", new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("compare-summary-diff").First).ToHaveTextAsync("—");
            await ShotAsync(warning, "17g-compare-no-shared-case");
        });
        await StepAsync(admin, "17h-cross-validation-results-linked", async () =>
        {
            // Reached by links, never by typing the address: the runs list links each completed cross-validation's results.
            await admin.GotoAsync(Url($"labs/{labId}/projects/{project}/runs"));
            var row = admin.GetByTestId("cross-validation-row").Filter(new() { HasText = "cv-a" });
            var link = row.GetByTestId("cross-validation-row-results-link");
            await Assertions.Expect(link).ToHaveTextAsync("Results", new() { Timeout = 30_000 });
            await ShotAsync(row, "17h-cv-row-results-link");
            await link.ClickAsync();
            await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cross-validations/cv-a/results$"), new() { Timeout = 30_000 });
            // And the cross-validation's own page links them too.
            await admin.GotoAsync(Url($"labs/{labId}/projects/{project}/cross-validations/cv-b"));
            await admin.GetByTestId("cross-validation-results-link").ClickAsync();
            await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cross-validations/cv-b/results$"), new() { Timeout = 30_000 });
            await admin.GotoAsync(Url($"labs/{labId}/projects/{project}/runs"));
            await admin.GetByTestId("cross-validation-row").Filter(new() { HasText = "cv-a" }).GetByTestId("cross-validation-row-results-link").ClickAsync();
            await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cross-validations/cv-a/results$"), new() { Timeout = 30_000 });
        });
        await StepAsync(admin, "17i-cross-validations-compared", async () =>
        {
            await WorkflowSteps.ClickWhenInteractiveAsync(admin, "cv-compare-menu", async () => await admin.GetByTestId("cv-compare-item").CountAsync() > 0);
            await admin.GetByTestId("cv-compare-item").Filter(new() { HasText = "cv-b" }).ClickAsync();
            await Assertions.Expect(admin.GetByTestId("compare-heading")).ToHaveTextAsync("Compare cross-validations", new() { Timeout = 30_000 });
            // Pooled over their folds, both cross-validations scored every case: the differences are paired on all 3.
            await Assertions.Expect(admin.GetByTestId("compare-shared-cases")).ToContainTextAsync("3 of 3 case(s) were scored by every cross-validation", new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("compare-summary-row").First.Locator("td").First).ToHaveTextAsync("kidney (1)");
            await Assertions.Expect(admin.GetByTestId("compare-no-shared-cases")).ToHaveCountAsync(0);
            await ShotAsync(admin.GetByTestId("compare-shared-cases"), "17i-compare-cross-validations-shared");
            await ShotAsync(admin.GetByTestId("compare-summary-table"), "17i-compare-cross-validations-summary");
        });
        await StepAsync(admin, "18-account-created", async () =>
        {
            await admin.GotoAsync(Url("accounts"));
            await SignIn.FillWhenInteractiveAsync(admin, [("account-name-input", userName), ("account-password-input", userPassword)],
                SignIn.Enabled(admin, "create-account-button"));
            await admin.GetByTestId("create-account-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("account-name").Filter(new() { HasText = userName })).ToHaveCountAsync(1);
        });
        await StepAsync(admin, "19-member-added", async () =>
        {
            await admin.GotoAsync(Url($"labs/{otherLabId}/members"));
            await SignIn.FillWhenInteractiveAsync(admin, [("member-user-input", userName)], SignIn.Enabled(admin, "add-member-button"));
            await admin.GetByTestId("add-member-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("member-user").Filter(new() { HasText = userName })).ToHaveCountAsync(1);
        });
        await StepAsync(admin, "20-api-key-shown-once", async () =>
        {
            await admin.Locator("input[data-testid=api-key-name-input]").FillAsync("nightly-training");
            await admin.GetByTestId("create-api-key-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("new-api-key-secret")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(".{16,}"));
            await Assertions.Expect(admin.GetByTestId("api-key-name")).ToHaveTextAsync(["nightly-training"]);
            // Shown once: after a reload only the key's name is listed.
            await admin.ReloadAsync();
            await Assertions.Expect(admin.GetByTestId("api-key-name")).ToHaveTextAsync(["nightly-training"]);
            await Assertions.Expect(admin.GetByTestId("new-api-key-secret")).ToHaveCountAsync(0);
        });

        var member = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Viewport })).NewPageAsync();
        await StepAsync(member, "21-member-sees-only-their-lab", async () =>
        {
            await SignIn.AsAsync(member, system.WebUi, userName, userPassword);
            await member.GotoAsync(Url("labs"));
            await Assertions.Expect(member.GetByTestId("lab-name")).ToHaveTextAsync([$"Liver {_run}"]);
            await Assertions.Expect(member.GetByTestId("create-lab-button")).ToHaveCountAsync(0);
            // The lab switcher offers the same single lab and opens it.
            await OpenLabSwitcherAsync(member);
            await Assertions.Expect(member.GetByTestId("lab-switcher-item")).ToHaveTextAsync([$"Liver {_run}"]);
        });
        await StepAsync(member, "22-member-viewer-has-no-actions", async () =>
        {
            await member.GetByTestId("lab-switcher-item").ClickAsync();
            await Assertions.Expect(member).ToHaveURLAsync(Url($"labs/{otherLabId}"));
            await Assertions.Expect(member.GetByTestId("my-role")).ToHaveTextAsync("Viewer");
            await Assertions.Expect(member.GetByTestId("projects-empty")).ToBeVisibleAsync();
            await Assertions.Expect(member.GetByTestId("create-project-button")).ToHaveCountAsync(0);
            await Assertions.Expect(member.GetByTestId("nav-accounts")).ToHaveCountAsync(0);
        });
        await StepAsync(member, "23-member-refused-by-url", async () =>
        {
            await member.GotoAsync(Url($"labs/{labId}/projects/{project}"));
            await Assertions.Expect(member.GetByTestId("project-load-error")).ToContainTextAsync("You may not open this project: your account has no role in this lab");
            await Assertions.Expect(member.GetByTestId("case-table")).ToHaveCountAsync(0);
        });
        await StepAsync(member, "23b-member-refused-run-and-volumes", async () =>
        {
            await member.GotoAsync(runUrl);
            await Assertions.Expect(member.GetByTestId("run-load-error")).ToBeVisibleAsync();
            await Assertions.Expect(member.GetByTestId("loss-chart")).ToHaveCountAsync(0);
            // The volume endpoints ask the silo too: another lab's member gets no voxels.
            var image = await member.APIRequest.GetAsync(Url($"api/labs/{labId}/projects/{project}/cases/{caseId}/image?datasource=kits"));
            Assert.Equal(403, image.Status);
        });
        await StepAsync(member, "23c-member-refused-model-and-predictions", async () =>
        {
            await member.GotoAsync(modelUrl);
            await Assertions.Expect(member.GetByTestId("model-load-error")).ToBeVisibleAsync();
            await Assertions.Expect(member.GetByTestId("model-summary")).ToHaveCountAsync(0);
            var runId = runUrl[(runUrl.LastIndexOf('/') + 1)..];
            Assert.Equal(403, (await member.APIRequest.GetAsync(Url($"api/labs/{labId}/projects/{project}/models/run/{runId}/package"))).Status);
            Assert.Equal(403, (await member.APIRequest.GetAsync(Url($"api/labs/{labId}/projects/{project}/predictions/{predictionId}/cases/{caseId}"))).Status);
        });
        await StepAsync(member, "24-member-refused-admin-page", async () =>
        {
            await member.GotoAsync(Url("accounts"));
            await Assertions.Expect(member.GetByTestId("access-denied")).ToBeVisibleAsync();
            await Assertions.Expect(member.GetByTestId("accounts-table")).ToHaveCountAsync(0);
        });
        await StepAsync(member, "25-signed-out", async () =>
        {
            // An API caller without a session gets 401, not a sign-in page to follow.
            var anonymous = await playwright.APIRequest.NewContextAsync(new APIRequestNewContextOptions { MaxRedirects = 0 });
            Assert.Equal(401, (await anonymous.GetAsync(Url($"api/labs/{labId}/projects/{project}/cases/{caseId}/image?datasource=kits"))).Status);

            var cookieBeforeSignOut = string.Join("; ", (await member.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
            await member.GotoAsync(Url("labs"));
            await member.GetByTestId("signout-button").ClickAsync();
            await Assertions.Expect(member.GetByTestId("signin-submit")).ToBeVisibleAsync();
            // The cookie is gone: a lab page sends the visitor back to sign in.
            await member.GotoAsync(Url($"labs/{otherLabId}"));
            await Assertions.Expect(member.GetByTestId("signin-submit")).ToBeVisibleAsync();
            // A copy of the old cookie is refused by the server too (401, where the live session got 403 above).
            var replay = await playwright.APIRequest.NewContextAsync(new APIRequestNewContextOptions
            {
                MaxRedirects = 0,
                ExtraHTTPHeaders = new Dictionary<string, string> { ["Cookie"] = cookieBeforeSignOut },
            });
            Assert.Equal(401, (await replay.GetAsync(Url($"api/labs/{labId}/projects/{project}/cases/{caseId}/image?datasource=kits"))).Status);
        });

        var stranger = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Viewport })).NewPageAsync();
        await StepAsync(stranger, "26-locked-after-five-failures", async () =>
        {
            await stranger.GotoAsync(Url("account/signin"));
            for (var attempt = 1; attempt <= 5; attempt++)
                await SignIn.SubmitAsync(stranger, userName, $"wrong-{attempt}");
            await Assertions.Expect(stranger.GetByTestId("signin-error")).ToContainTextAsync("locked");
            // Locked means locked: even the right password is refused now.
            await SignIn.SubmitAsync(stranger, userName, userPassword);
            await Assertions.Expect(stranger.GetByTestId("signin-error")).ToContainTextAsync("locked");
        });
    }

    private static ILocator ProjectBreadcrumb(IPage page, string project) =>
        page.Locator(".mud-breadcrumbs").GetByRole(AriaRole.Link, new() { Name = project, Exact = true });

    /// <summary>
    /// Issue 17, items 5 and 6, on the lab the workflow built (its run has completed, so the one CPU training slot is free):
    /// the home page, links to results, remembered lab and theme, no missing favicon, plan fields marked where wrong,
    /// versions that open and download, a case table that wraps; then a GPU-sized plan warned about before it starts,
    /// started anyway, showing progress within its first epoch, and a pause that is still shown as pending after a reload.
    /// </summary>
    private async Task LongWorkAndNavigationStepsAsync(IPage admin, string labName, string labId, string project, string runUrl)
    {
        var runId = runUrl.Split('/')[^1];
        await StepAsync(admin, "17e-home-recent-work-and-remembered-lab", async () =>
        {
            var missing = new List<string>();
            admin.Response += (_, response) =>
            {
                if (response.Status == 404)
                    missing.Add(response.Url);
            };
            // A new page load: the lab shown in the menu comes from the browser's memory, not from the address.
            await admin.GotoAsync(Url(""));
            await Assertions.Expect(admin.GetByTestId("home-run-link").Filter(new() { HasText = runId })).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("home-run-results-link").First).ToHaveAttributeAsync("href", $"labs/{labId}/projects/{project}/runs/{runId}/results");
            await Assertions.Expect(admin.GetByTestId("home-project-link").Filter(new() { HasText = project })).ToHaveCountAsync(1);
            await Assertions.Expect(admin.GetByTestId("nav-lab")).ToContainTextAsync(labName, new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("lab-switcher-button")).ToHaveTextAsync(labName);
            var icon = await admin.Locator("link[rel=icon]").GetAttributeAsync("href");
            Assert.Equal(200, (await admin.APIRequest.GetAsync(Url(icon!))).Status);
            Assert.Empty(missing);
        });
        await StepAsync(admin, "17f-dark-mode-remembered", async () =>
        {
            static Task<string> Background(IPage page) => page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim()");
            var light = await Background(admin);
            await WorkflowSteps.ClickWhenInteractiveAsync(admin, "dark-mode-toggle", async () => await Background(admin) != light);
            var dark = await Background(admin);
            await admin.ReloadAsync();
            await Assertions.Expect(admin.GetByTestId("home-run-link").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await WaitUntilAsync(async () => await Background(admin) == dark, "the theme to come back dark after the reload");
            await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, "workflow-17f-dark-after-reload.png") });
            // Plotly draws its own SVG text: on the dark page its axis titles are light, not Plotly's default dark grey.
            await admin.GotoAsync(runUrl);
            var axisTitle = admin.GetByTestId("loss-chart").Locator(".xtitle");
            await Assertions.Expect(axisTitle).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex(@"fill:\s*rgb\(255,\s*255,\s*255\)"), new() { Timeout = 30_000 });
            await ShotAsync(admin.GetByTestId("loss-chart"), "17f-loss-chart-dark");
            await WorkflowSteps.ClickWhenInteractiveAsync(admin, "dark-mode-toggle", async () => await Background(admin) == light);
            await Assertions.Expect(axisTitle).Not.ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex(@"fill:\s*rgb\(255,\s*255,\s*255\)"), new() { Timeout = 30_000 });
        });
        var planUrl = Url($"labs/{labId}/projects/{project}/plans/3d_fullres");
        await StepAsync(admin, "17g-invalid-plan-fields-marked-at-their-fields", async () =>
        {
            await admin.GotoAsync(planUrl);
            var fields = new[] { ("field-training-epochs", "-3", "At least one epoch."), ("field-training-learning-rate", "5", "above 0 and at most 1"), ("field-network-batch-size", "0", "between 1 and 512") };
            var before = new List<string>();
            foreach (var (field, bad, _) in fields)
            {
                before.Add(await admin.Locator($"input[data-testid={field}]").InputValueAsync());
                await WorkflowSteps.FillFieldAsync(admin, field, bad);
            }

            foreach (var (field, _, message) in fields)
            {
                var input = admin.Locator($"input[data-testid={field}]");
                await Assertions.Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
                var control = input.Locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' mud-input-control ')][1]");
                await Assertions.Expect(control).ToContainTextAsync(message);
            }

            await ShotAsync(admin.Locator("input[data-testid=field-training-epochs]").Locator("xpath=ancestor::div[contains(@class,'mud-grid')][1]"), "17g-training-fields-marked");
            await ShotAsync(admin.Locator("input[data-testid=field-network-batch-size]").Locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' mud-input-control ')][1]"), "17g-batch-field-marked");
            // Put the saved values back, so nothing is left unsaved.
            for (var i = 0; i < fields.Length; i++)
                await WorkflowSteps.FillFieldAsync(admin, fields[i].Item1, before[i]);
        });
        await StepAsync(admin, "17h-plan-version-opened-and-downloaded", async () =>
        {
            await admin.GotoAsync(Url($"labs/{labId}/projects/{project}/plans/3d_fullres/versions"));
            var first = admin.GetByTestId("version-open").Last;
            await Assertions.Expect(first).ToHaveTextAsync("v1", new() { Timeout = 30_000 });
            await first.ClickAsync();
            await Assertions.Expect(admin.GetByTestId("version-view-heading")).ToHaveTextAsync("v1, read only", new() { Timeout = 30_000 });
            await Assertions.Expect(admin.Locator("[data-testid=version-view] input[data-testid=field-training-epochs]")).ToHaveValueAsync("3");
            var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByTestId("version-download").Last.ClickAsync());
            Assert.Equal("3d_fullres-v1.json", download.SuggestedFilename);
            var path = Path.Combine(Path.GetTempPath(), $"e2e-plan-{_run}.json");
            await download.SaveAsAsync(path);
            Assert.Matches("\"epochs\"\\s*:\\s*3\\b", await File.ReadAllTextAsync(path));
        });
        await StepAsync(admin, "17i-case-table-wraps-at-1440", async () =>
        {
            await admin.SetViewportSizeAsync(1440, 900);
            await admin.GotoAsync(Url($"labs/{labId}/projects/{project}/datasources/kits"));
            var table = admin.GetByTestId("case-table");
            await Assertions.Expect(admin.GetByTestId("case-id")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
            var container = table.Locator(".mud-table-container");
            Assert.True(await container.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth + 1"), "the case table is wider than its frame: columns are clipped");
            await ShotAsync(table, "17i-case-table-1440");
            await admin.SetViewportSizeAsync(Viewport.Width, Viewport.Height);
        });
        await StepAsync(admin, "17j-runs-list-links-results", async () =>
        {
            await admin.GotoAsync(Url($"labs/{labId}/projects/{project}/runs"));
            var link = admin.GetByTestId("run-row-results-link");
            await Assertions.Expect(link).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            // The page re-reads its list while anything runs, replacing the table: the step's page screenshot shows it.
            await link.ClickAsync();
            await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/runs/{runId}/results$"));
        });
        await StepAsync(admin, "17k-gpu-sized-plan-warned", async () =>
        {
            // nnU-Net's auto-configuration for a GPU, kept as it is: 1000 epochs × 250 iterations of 64 × 64 × 32 patches.
            await admin.GotoAsync(Url($"labs/{labId}/projects/{project}/plans"));
            await SignIn.FillWhenInteractiveAsync(admin, [("new-plan-name-input", "gpu_sized")], SignIn.Enabled(admin, "create-plan-button"));
            await admin.GetByTestId("create-plan-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("auto-configure-result")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await admin.GetByTestId("save-plan-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("plan-version")).ToContainTextAsync("Version 1,", new() { Timeout = 30_000 });
            await admin.GotoAsync(Url($"labs/{labId}/projects/{project}/runs"));
            var option = admin.GetByTestId("start-run-plan-option").Filter(new() { HasText = "gpu_sized" });
            await WorkflowSteps.ClickWhenInteractiveAsync(admin, "start-run-plan-select", async () => await option.CountAsync() > 0);
            await option.ClickAsync();
            var warning = admin.GetByTestId("start-run-gpu-warning");
            await Assertions.Expect(warning).ToContainTextAsync("This plan is sized for a GPU, and this cluster has none.", new() { Timeout = 30_000 });
            await Assertions.Expect(warning).ToContainTextAsync("the whole run about");
            await Assertions.Expect(admin.GetByTestId("start-run-button")).ToBeEnabledAsync();
            await ShotAsync(admin.GetByTestId("start-run-form"), "17k-gpu-warning");
        });
        await StepAsync(admin, "17l-progress-within-the-epoch", async () =>
        {
            // The warning does not block: started anyway, it trains on the CPU, one slow iteration at a time.
            await admin.GetByTestId("start-run-button").ClickAsync();
            await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/runs/gpu_sized[^/]+$"), new() { Timeout = 30_000 });
            var steps = admin.GetByTestId("run-iterations");
            await Assertions.Expect(steps).ToContainTextAsync("Epoch 1 of 1000: iteration", new() { Timeout = 300_000 });
            await Assertions.Expect(steps).ToContainTextAsync("of 250");
            await Assertions.Expect(steps).ToContainTextAsync("left in this epoch");
            await ShotAsync(admin.GetByTestId("run-progress").Locator("xpath=ancestor::div[contains(@class,'mud-paper')][1]"), "17l-run-iterations");
        });
        await StepAsync(admin, "17m-pause-pending-after-reload", async () =>
        {
            var pause = admin.GetByTestId("run-pause-button");
            await pause.ClickAsync();
            await Assertions.Expect(pause).ToHaveTextAsync("Pausing at the end of epoch 1…", new() { Timeout = 30_000 });
            await admin.ReloadAsync();
            await Assertions.Expect(admin.GetByTestId("run-pause-button")).ToHaveTextAsync("Pausing at the end of epoch 1…", new() { Timeout = 30_000 });
            await Assertions.Expect(admin.GetByTestId("run-pause-button")).ToBeDisabledAsync();
            await ShotAsync(admin.GetByTestId("run-actions"), "17m-pausing-after-reload");
            // An epoch of this plan takes hours here: cancel it, freeing the slot once its current iteration ends.
            await admin.GetByTestId("run-cancel-button").ClickAsync();
            await admin.GetByTestId("run-cancel-confirm").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("run-state")).ToContainTextAsync("Cancelled", new() { Timeout = 60_000 });
        });
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited in vain for {what}.");
            await Task.Delay(300);
        }
    }

    /// <summary>Clicks the switcher until its menu opens (a click before the circuit attaches does nothing).</summary>
    private static async Task OpenLabSwitcherAsync(IPage page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await page.GetByTestId("lab-switcher-item").CountAsync() == 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The lab switcher never opened.");
            await page.GetByTestId("lab-switcher-button").ClickAsync();
            await Task.Delay(500);
        }
    }

    private string Url(string path) => new Uri(system.WebUi, path).ToString();

    /// <summary>
    /// A screenshot of one element (the part a step is about), next to the step's full-page shot. A page that is still
    /// attaching its circuit may replace the element while it is shot, so that is tried again (bounded).
    /// </summary>
    private async Task ShotAsync(ILocator element, string name)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(_screenshots, $"workflow-{name}.png") });
                return;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
                await Task.Delay(500);
            }
        }
    }

    /// <summary>
    /// Moves the mouse onto the last point of a Plotly chart's first trace and returns the hover labels Plotly shows.
    /// The mouse goes to the point's position (Plotly listens on a drag layer above the points, so the point itself
    /// cannot be hovered); a redraw between move and check hides the label, so the move is repeated (bounded).
    /// </summary>
    private static async Task<ILocator> HoverPointAsync(IPage page, ILocator chart)
    {
        var point = chart.Locator(".scatterlayer .trace").First.Locator("path.point").Last;
        var labels = chart.Locator(".hoverlayer .hovertext");
        await Assertions.Expect(point).ToBeVisibleAsync(new() { Timeout = 30_000 });
        for (var attempt = 0; ; attempt++)
        {
            var box = (await point.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(box.X + box.Width / 2 - 3, box.Y + box.Height / 2);
            await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
            try
            {
                await Assertions.Expect(labels.First).ToBeVisibleAsync(new() { Timeout = 3_000 });
                return labels;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
                await page.Mouse.MoveAsync(0, 0);
            }
        }
    }

    /// <summary>A FRAN datasource of 3 synthetic cases in the lab's folder of the system's data root, in a folder of its own.</summary>
    private string WriteDatasource(string labId)
    {
        var folder = Path.Combine(system.DataRoot, labId, $"e2e-{_run}", "kits");
        DemoDataset.WriteFran(folder, "kits", cases: 3, seed: 7);
        return folder;
    }

    private async Task StepAsync(IPage page, string name, Func<Task> step)
    {
        try
        {
            await step();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, $"workflow-{name}.png"), FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, $"workflow-{name}-failure.png"), FullPage = true });
            output.WriteLine($"Step {name} failed at {page.Url}");
            foreach (var line in system.Log.TakeLast(80))
                output.WriteLine(line);
            throw;
        }
    }
}
