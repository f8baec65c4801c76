using Microsoft.Playwright;
using Platform.DemoData.Layouts;
using Platform.DemoData.Phantoms;
using Platform.Imaging.Volumes;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Workflow;

/// <summary>
/// A classification project in Chromium against the whole system: created with its kind chosen in the form, a
/// datasource registered through the folder picker, its table of case → class (lesion or none, as each phantom was
/// generated) uploaded with one bad row, which the datasource page lists by row and case; then a short plan, a split
/// and a run of fold 0 trained on the CPU, whose results page shows accuracy, AUROC per class and the confusion matrix
/// with the table's class names. Screenshots of the parts that matter go to test-output/e2e.
/// </summary>
[Collection(PlatformSystemCollection.Name)]
public sealed class TargetTableWorkflowTests(PlatformSystemFixture system, ITestOutputHelper output)
{
    private readonly string _screenshots = RepositoryPaths.TestOutput("e2e");
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    private const int Cases = 8;

    private static readonly string[] ClassNames = ["lesion", "none"];

    /// <summary>Small phantoms with at most one large lesion: some have it, some do not.</summary>
    private static readonly PhantomOptions Phantoms = new() { Shape = new Shape3(32, 32, 16), Spacing = new Vector3D(3, 3, 6), MaxLesions = 1, LesionRadius = (0.45, 0.5) };

    /// <summary>The first seed from 5 whose phantoms include at least two of each class, so a stratified two-fold split
    /// (by label presence: the lesion label is the class) trains and validates both classes in every fold.</summary>
    private static readonly int Seed = Enumerable.Range(5, 100).First(seed =>
        Enumerable.Range(0, Cases).Count(i => HasLesion(seed + i)) is >= 2 and <= Cases - 2);

    /// <summary>What case <paramref name="index"/> is: the generator draws phantom i from seed + i.</summary>
    private static string ClassOf(int index) => HasLesion(Seed + index) ? "lesion" : "none";

    private static bool HasLesion(int seed) => CtPhantom.Generate(seed, Phantoms).Anatomy.Lesions.Count > 0;

    [Fact]
    public async Task A_classification_project_takes_a_table_lists_its_refused_rows_trains_and_shows_auroc_and_the_confusion_matrix()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });
        var labId = $"cls-{_run}";
        var project = $"CLS{Random.Shared.Next(100, 999)}_Lesion";
        var folder = Path.Combine(system.DataRoot, labId, $"e2e-{_run}", "phantoms");
        var cases = DemoDataset.WriteFran(folder, "phantom", Cases, Seed, Phantoms).GoodCases;
        var table = Path.Combine(system.DataFolder, $"lesions-{_run}.csv");
        await File.WriteAllTextAsync(table, "case_id,class\n" + string.Concat(cases.Select((c, i) => $"{c},{ClassOf(i)}\n")) + "not_a_case,none\n");

        try
        {
            await SignIn.AsAsync(page, system.WebUi, SignIn.AdminUser, system.AdminPassword);
            await WorkflowSteps.CreateLabAsync(page, system.WebUi, $"Lesions {_run}", labId);
            await page.GotoAsync(new Uri(system.WebUi, $"labs/{labId}").ToString());
            await SignIn.FillWhenInteractiveAsync(page, [("project-title-input", project)], async () => await page.GetByText("names a Classification task").CountAsync() > 0);
            var form = page.Locator(".mud-paper").Filter(new() { HasText = "Create a project" });
            await form.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "target-table-kind-mismatch.png") });
            await page.GetByTestId("project-kind-select").ClickAsync();
            await page.GetByTestId("project-kind-classification").ClickAsync();
            await Assertions.Expect(page.GetByTestId("create-project-button")).ToBeEnabledAsync();
            await form.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "target-table-kind-chosen.png") });
            await page.GetByTestId("create-project-button").ClickAsync();
            await Assertions.Expect(page.GetByTestId("project-heading")).ToHaveTextAsync(project);
            await Assertions.Expect(page.GetByTestId("project-kind")).ToHaveTextAsync("Task: Classification (CLS)");

            await page.GetByTestId("folder-item").Filter(new() { HasText = $"e2e-{_run}" }).ClickAsync();
            await page.GetByTestId("folder-item").Filter(new() { HasText = "phantoms" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("register-datasource-button")).ToBeEnabledAsync();
            await page.GetByTestId("register-datasource-button").ClickAsync();
            await page.GetByTestId("datasource-name").GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(page.GetByTestId("case-id")).ToHaveCountAsync(Cases, new() { Timeout = 90_000 });
            await Assertions.Expect(page.GetByTestId("target-table-none")).ToBeVisibleAsync();

            await page.Locator("input[data-testid=target-table-input]").SetInputFilesAsync(table);
            await Assertions.Expect(page.GetByTestId("target-table-summary")).ToContainTextAsync($"{Cases} of {Cases + 1} row(s) imported; classes {string.Join(", ", ClassNames)}", new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("target-table-problem-reason")).ToHaveTextAsync([$"Row {Cases + 2}, case 'not_a_case': the datasource has no such case."]);
            await page.GetByTestId("target-table").ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "target-table-problems.png") });

            // The stored table survives a reload.
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByTestId("target-table-summary")).ToContainTextAsync($"{Cases} of {Cases + 1} row(s) imported", new() { Timeout = 30_000 });
            await page.GotoAsync(new Uri(system.WebUi, $"labs/{labId}").ToString());
            // Shot once the circuit is live (the form validates what is typed): the prerendered table is replaced when it attaches.
            await SignIn.FillWhenInteractiveAsync(page, [("project-title-input", "Not-a-title")], async () => await page.GetByText("is not a valid project title").CountAsync() > 0);
            await Assertions.Expect(page.GetByTestId("project-kind")).ToHaveTextAsync("Classification (CLS)");
            await page.GetByTestId("projects-table").ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "target-table-project-list.png") });

            await TrainFoldZeroAsync(page, labId, project);
            // The results of the run: its figures over fold 0's validation cases, with the table's class names.
            await page.GetByTestId("run-results-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("confusion-true")).ToHaveTextAsync(ClassNames, new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("confusion-predicted")).ToHaveTextAsync(ClassNames);
            await Assertions.Expect(page.GetByTestId("class-name")).ToHaveTextAsync(ClassNames);
            await Assertions.Expect(page.GetByTestId("class-auroc")).ToHaveCountAsync(2);
            var validated = await page.GetByTestId("target-case-row").CountAsync();
            var counts = (await page.GetByTestId("confusion-count").AllTextContentsAsync()).Select(int.Parse).ToList();
            Assert.Equal(validated, counts.Sum());
            Assert.InRange(validated, 1, Cases - 2);
            foreach (var auroc in await page.GetByTestId("class-auroc").AllTextContentsAsync())
                Assert.True(auroc == "NaN" || double.Parse(auroc, System.Globalization.CultureInfo.InvariantCulture) is >= 0 and <= 1, auroc);
            await Assertions.Expect(page.GetByTestId("run-results-info")).ToContainTextAsync("AUROC lesion");
            await page.GetByTestId("classification-figures").ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "target-run-figures.png") });
            await page.GetByTestId("class-figures").ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "target-run-auroc.png") });
            await page.GetByTestId("confusion-matrix").ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "target-run-confusion-matrix.png") });
            await page.GetByTestId("target-cases").ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "target-run-cases.png") });
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, "target-table-failure.png"), FullPage = true });
            foreach (var line in system.Log.TakeLast(80))
                output.WriteLine(line);
            throw;
        }
    }

    /// <summary>
    /// An auto-configured plan cut to two short epochs, a two-fold split, and a run of fold 0 (the form's defaults),
    /// followed on the run's page until it completes.
    /// </summary>
    private async Task TrainFoldZeroAsync(IPage page, string labId, string project)
    {
        await page.GotoAsync(new Uri(system.WebUi, $"labs/{labId}/projects/{project}/plans").ToString());
        await SignIn.FillWhenInteractiveAsync(page, [("new-plan-name-input", "3d_fullres")], SignIn.Enabled(page, "create-plan-button"));
        await page.GetByTestId("create-plan-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("auto-configure-result")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await WorkflowSteps.FillFieldAsync(page, "field-training-epochs", "2");
        await WorkflowSteps.FillFieldAsync(page, "field-training-iterations-per-epoch", "3");
        await WorkflowSteps.FillFieldAsync(page, "field-training-validation-iterations", "1");
        await page.GetByTestId("save-plan-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-version")).ToContainTextAsync("Version 1,", new() { Timeout = 30_000 });

        await page.GotoAsync(new Uri(system.WebUi, $"labs/{labId}/projects/{project}/splits").ToString());
        await SignIn.FillWhenInteractiveAsync(page, [("split-name-input", "default")], SignIn.Enabled(page, "new-split-button"));
        await page.GetByTestId("new-split-button").ClickAsync();
        await page.GetByTestId("split-strategy-select").ClickAsync();
        await page.GetByTestId("split-strategy-stratified").ClickAsync();
        await WorkflowSteps.FillFieldAsync(page, "split-folds-input", "2");
        await WorkflowSteps.ClickWhenInteractiveAsync(page, "preview-split-button", async () => await page.GetByTestId("preview-fold-row").CountAsync() == 2);
        await page.GetByTestId("save-split-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("fold-row")).ToHaveCountAsync(2, new() { Timeout = 30_000 });

        await page.GotoAsync(new Uri(system.WebUi, $"labs/{labId}/projects/{project}/runs").ToString());
        await Assertions.Expect(page.GetByTestId("start-run-estimate")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await WorkflowSteps.ClickWhenInteractiveAsync(page, "start-run-button", async () => await page.GetByTestId("run-heading").CountAsync() > 0);
        await Assertions.Expect(page.GetByTestId("run-state")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Completed|Failed|Cancelled"), new() { Timeout = 420_000 });
        await Assertions.Expect(page.GetByTestId("run-state")).ToContainTextAsync("Completed", new() { Timeout = 1_000 });
        await page.GetByTestId("loss-chart").ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "target-run-loss.png") });
    }
}
