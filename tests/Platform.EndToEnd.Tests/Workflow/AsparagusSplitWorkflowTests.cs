using System.Text.Json;
using Microsoft.Playwright;
using Platform.DemoData.Layouts;
using Platform.DemoData.Phantoms;
using Platform.Imaging.Volumes;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Workflow;

/// <summary>
/// A segmentation project's split in Chromium against the whole system: exported as the split file and TEST file
/// Asparagus reads (sample paths under the data folder typed on the page), then both files chosen together and
/// imported back as a new version. Screenshots of the split files panel go to test-output/e2e.
/// </summary>
[Collection(PlatformSystemCollection.Name)]
public sealed class AsparagusSplitWorkflowTests(PlatformSystemFixture system, ITestOutputHelper output)
{
    private const int Cases = 6;
    private readonly string _screenshots = RepositoryPaths.TestOutput("e2e");
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    private static readonly PhantomOptions Phantoms = new() { Shape = new Shape3(16, 16, 8), Spacing = new Vector3D(3, 3, 6) };

    [Fact]
    public async Task A_split_exports_as_asparagus_split_and_test_files_and_both_import_back()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true });
        var labId = $"asp-{_run}";
        var project = $"SEG{Random.Shared.Next(100, 999)}_Asp{_run}";
        var cases = DemoDataset.WriteFran(Path.Combine(system.DataRoot, labId, $"e2e-{_run}", "phantoms"), "phantom", Cases, seed: 3, Phantoms).GoodCases;
        var downloads = Directory.CreateDirectory(Path.Combine(system.DataFolder, $"asparagus-{_run}")).FullName;

        try
        {
            await SignIn.AsAsync(page, system.WebUi, SignIn.AdminUser, system.AdminPassword);
            await WorkflowSteps.CreateLabAsync(page, system.WebUi, $"Asparagus {_run}", labId);
            await page.GotoAsync(new Uri(system.WebUi, $"labs/{labId}").ToString());
            await SignIn.FillWhenInteractiveAsync(page, [("project-title-input", project)], SignIn.Enabled(page, "create-project-button"));
            await page.GetByTestId("create-project-button").ClickAsync();
            await Assertions.Expect(page.GetByTestId("project-heading")).ToHaveTextAsync(project);
            await page.GetByTestId("folder-item").Filter(new() { HasText = $"e2e-{_run}" }).ClickAsync();
            await page.GetByTestId("folder-item").Filter(new() { HasText = "phantoms" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("register-datasource-button")).ToBeEnabledAsync();
            await page.GetByTestId("register-datasource-button").ClickAsync();
            await page.GetByTestId("datasource-name").GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(page.GetByTestId("case-id")).ToHaveCountAsync(Cases, new() { Timeout = 90_000 });

            await page.GotoAsync(new Uri(system.WebUi, $"labs/{labId}/projects/{project}/splits").ToString());
            await SignIn.FillWhenInteractiveAsync(page, [("split-name-input", "default")], SignIn.Enabled(page, "new-split-button"));
            await page.GetByTestId("new-split-button").ClickAsync();
            await WorkflowSteps.FillFieldAsync(page, "split-folds-input", "2");
            await WorkflowSteps.ClickWhenInteractiveAsync(page, "preview-split-button", async () => await page.GetByTestId("preview-fold-row").CountAsync() == 2);
            await page.GetByTestId("save-split-button").ClickAsync();
            await Assertions.Expect(page.GetByTestId("fold-row")).ToHaveCountAsync(2, new() { Timeout = 30_000 });

            await Assertions.Expect(page.GetByTestId("export-asparagus-button")).ToBeDisabledAsync();
            await page.Locator("input[data-testid=asparagus-data-root]").FillAsync("/data/asparagus");
            await page.Locator("input[data-testid=asparagus-data-root]").BlurAsync();
            await Assertions.Expect(page.GetByTestId("export-asparagus-button")).ToBeEnabledAsync();
            await page.GetByTestId("split-files").ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "asparagus-split-export.png") });
            var saved = new List<string>();
            page.Download += (_, download) => saved.Add(download.SuggestedFilename);
            var splitFile = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-asparagus-button").ClickAsync());
            var testFile = saved.Count > 1 ? null : await page.WaitForDownloadAsync();
            var splitPath = Path.Combine(downloads, splitFile.SuggestedFilename);
            await splitFile.SaveAsAsync(splitPath);
            var testPath = Path.Combine(downloads, "TEST_default.json");
            await (testFile ?? throw new InvalidOperationException($"Downloads: {string.Join(", ", saved)}")).SaveAsAsync(testPath);

            Assert.Equal(("split_default.json", "TEST_default.json"), (splitFile.SuggestedFilename, testFile.SuggestedFilename));
            using (var folds = JsonDocument.Parse(File.ReadAllText(splitPath)))
            {
                Assert.Equal(2, folds.RootElement.GetArrayLength());
                var validated = folds.RootElement.EnumerateArray().SelectMany(f => f.GetProperty("val").EnumerateArray()).Select(p => p.GetString()).Order();
                Assert.Equal(cases.Select(c => $"/data/asparagus/{project}/{c}.pt").Order(), validated);
            }
            Assert.Equal("[]", JsonDocument.Parse(File.ReadAllText(testPath)).RootElement.GetRawText());

            await page.GetByTestId("split-import-format-select").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Asparagus split file" }).ClickAsync();
            await Assertions.Expect(page.Locator("input[data-testid=asparagus-resplit]")).ToBeVisibleAsync();
            await page.Locator("input[data-testid=split-import-input]").SetInputFilesAsync([splitPath, testPath]);
            await Assertions.Expect(page.GetByText("'split_default.json' imported as version 2 of split 'default'.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("fold-row")).ToHaveCountAsync(2);
            await page.GetByTestId("split-files").ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "asparagus-split-import.png") });
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, "asparagus-split-failure.png"), FullPage = true });
            foreach (var line in system.Log.TakeLast(80))
                output.WriteLine(line);
            throw;
        }
    }
}
