using Microsoft.Playwright;
using Platform.DemoData.Layouts;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Workflow;

/// <summary>
/// A classification project in Chromium against the whole system: created with its kind chosen in the form, a
/// datasource registered through the folder picker, its table of case → class uploaded with one bad row, which the
/// datasource page lists by row and case. Screenshots of the parts that matter go to test-output/e2e.
/// </summary>
[Collection(PlatformSystemCollection.Name)]
public sealed class TargetTableWorkflowTests(PlatformSystemFixture system, ITestOutputHelper output)
{
    private readonly string _screenshots = RepositoryPaths.TestOutput("e2e");
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task A_classification_project_takes_a_table_and_lists_its_refused_rows()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });
        var labId = $"cls-{_run}";
        var project = $"CLS{Random.Shared.Next(100, 999)}_Lesion";
        var folder = Path.Combine(system.DataRoot, labId, $"e2e-{_run}", "phantoms");
        var cases = DemoDataset.WriteFran(folder, "phantom", cases: 3, seed: 5).GoodCases;
        var table = Path.Combine(system.DataFolder, $"lesions-{_run}.csv");
        await File.WriteAllTextAsync(table, $"case_id,class\n{cases[0]},lesion\n{cases[1]},none\n{cases[2]},lesion\nnot_a_case,none\n");

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
            await Assertions.Expect(page.GetByTestId("case-id")).ToHaveCountAsync(3, new() { Timeout = 90_000 });
            await Assertions.Expect(page.GetByTestId("target-table-none")).ToBeVisibleAsync();

            await page.Locator("input[data-testid=target-table-input]").SetInputFilesAsync(table);
            await Assertions.Expect(page.GetByTestId("target-table-summary")).ToContainTextAsync("3 of 4 row(s) imported; classes lesion, none", new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("target-table-problem-reason")).ToHaveTextAsync(["Row 5, case 'not_a_case': the datasource has no such case."]);
            await page.GetByTestId("target-table").ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "target-table-problems.png") });

            // The stored table survives a reload.
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByTestId("target-table-summary")).ToContainTextAsync("3 of 4 row(s) imported", new() { Timeout = 30_000 });
            await page.GotoAsync(new Uri(system.WebUi, $"labs/{labId}").ToString());
            // Shot once the circuit is live (the form validates what is typed): the prerendered table is replaced when it attaches.
            await SignIn.FillWhenInteractiveAsync(page, [("project-title-input", "Not-a-title")], async () => await page.GetByText("is not a valid project title").CountAsync() > 0);
            await Assertions.Expect(page.GetByTestId("project-kind")).ToHaveTextAsync("Classification (CLS)");
            await page.GetByTestId("projects-table").ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "target-table-project-list.png") });
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, "target-table-failure.png"), FullPage = true });
            foreach (var line in system.Log.TakeLast(80))
                output.WriteLine(line);
            throw;
        }
    }
}
