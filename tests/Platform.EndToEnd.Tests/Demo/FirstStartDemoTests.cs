using Microsoft.Playwright;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Demo;

/// <summary>
/// What a new user sees after the README's start command on a fresh clone: the demo lab with its project, the
/// generated datasource's cases, and the two broken cases reported as validation problems. Screenshots go to
/// test-output/e2e/demo-*.png.
/// </summary>
[Collection(DemoSystemCollection.Name)]
public sealed class FirstStartDemoTests(DemoSystemFixture system, ITestOutputHelper output)
{
    private const string Lab = "demo-lab", Project = "liver_demo", Datasource = "liver";
    private const int GoodCases = 10, BrokenCases = 2;
    private static readonly ViewportSize Viewport = new() { Width = 1280, Height = 900 };
    private readonly string _screenshots = RepositoryPaths.TestOutput("e2e");

    [Fact]
    public async Task The_admin_finds_the_demo_project_with_its_cases_and_validation_problems()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Viewport });
        await SignIn.AsAsync(page, system.WebUi, SignIn.AdminUser, system.AdminPassword);

        await StepAsync(page, "demo-01-projects", async () =>
        {
            // The WebUI seeds in the background once it is up: the project appears within moments.
            await OpenUntilAsync(page, $"labs/{Lab}", "project-title");
            await Assertions.Expect(page.GetByTestId("lab-title")).ToHaveTextAsync("Demo lab");
            await Assertions.Expect(page.GetByTestId("my-role")).ToHaveTextAsync("Principal investigator");
            await Assertions.Expect(page.GetByTestId("project-title")).ToHaveTextAsync([Project]);
            await Assertions.Expect(page.GetByTestId("projects-table")).ToContainTextAsync("Generated demo data");
        });
        await StepAsync(page, "demo-02-project", async () =>
        {
            await page.GetByTestId("project-title").GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(page.GetByTestId("project-heading")).ToHaveTextAsync(Project);
            await Assertions.Expect(page.GetByTestId("datasource-name")).ToHaveTextAsync(Datasource);
            await Assertions.Expect(page.GetByTestId("fingerprint-cases")).ToContainTextAsync($"{GoodCases} usable cases", new() { Timeout = 120_000 });
            // Validation problems: the two deliberately broken cases, each with its reason.
            await Assertions.Expect(page.GetByTestId("excluded-table").Locator("tbody tr")).ToHaveCountAsync(BrokenCases);
            await Assertions.Expect(page.GetByTestId("label-value")).ToHaveTextAsync(["0", "1", "2"]);
        });
        await StepAsync(page, "demo-03-cases", async () =>
        {
            await page.GetByTestId("datasource-name").GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(page.GetByTestId("case-id")).ToHaveCountAsync(GoodCases + BrokenCases, new() { Timeout = 30_000 });
            var invalid = page.GetByTestId("case-status").Filter(new() { HasText = "Invalid" });
            await Assertions.Expect(invalid).ToHaveCountAsync(BrokenCases);
            // Each broken case says what is wrong with it (one line per problem).
            Assert.True(await page.GetByTestId("case-problems").Locator("div").CountAsync() >= BrokenCases);
        });
        await StepAsync(page, "demo-03b-invalid-case-in-viewer", async () =>
        {
            // An invalid case still opens in the viewer, under a warning that says why training leaves it out.
            var invalidRow = page.Locator("tr").Filter(new() { Has = page.GetByTestId("case-status").Filter(new() { HasText = "Invalid" }) }).First;
            var reason = (await invalidRow.GetByTestId("case-problems").Locator("div").First.TextContentAsync())!.Trim();
            await invalidRow.GetByTestId("case-view-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("viewer-case-problems")).ToContainTextAsync("This case is invalid", new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("viewer-case-problem").First).ToContainTextAsync(reason[..Math.Min(reason.Length, 40)]);
            await page.GetByTestId("viewer-case-problems").ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "demo-03b-invalid-case-warning.png") });
        });

        // The files came from the seeder, into the demo lab's folder of the fresh data root this start was given.
        Assert.True(Directory.Exists(Path.Combine(system.DataRoot, Lab, "demo", Datasource, "images")));
    }

    [Fact]
    public async Task A_first_run_of_the_demo_plan_learns_the_organ_and_the_lesion_in_minutes_on_a_cpu()
    {
        // The run a new user starts first: the runs page's defaults (latest plan version, the CPU-sized version 2;
        // split 'default'; fold 0). The lesion label stayed at Dice 0.000 before the output layers started at the
        // class prior; both labels must now be learned on the fold's validation cases.
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Viewport });
        await SignIn.AsAsync(page, system.WebUi, SignIn.AdminUser, system.AdminPassword);

        await StepAsync(page, "demo-04-run-started", async () =>
        {
            await OpenUntilAsync(page, $"labs/{Lab}/projects/{Project}/runs", "start-run-button");
            await Assertions.Expect(page.GetByTestId("start-run-button")).ToBeEnabledAsync(new() { Timeout = 120_000 });
            await page.GetByTestId("start-run-button").ClickAsync();
            await Assertions.Expect(page.GetByTestId("run-heading")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        });
        await StepAsync(page, "demo-05-run-completed", async () =>
            await Assertions.Expect(page.GetByTestId("run-state")).ToContainTextAsync("Completed", new() { Timeout = 600_000 }));
        await StepAsync(page, "demo-06-run-results", async () =>
        {
            await page.GetByTestId("run-results-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("dice-summary-row")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
            var organ = await MeanDiceAsync(page, label: 1);
            var lesion = await MeanDiceAsync(page, label: 2);
            output.WriteLine($"demo fold 0: organ mean Dice {organ}, lesion mean Dice {lesion}");
            Assert.True(organ >= 0.8, $"The demo run's organ mean Dice is {organ}.");
            Assert.True(lesion > 0.5, $"The demo run's lesion mean Dice is {lesion}.");
        });
    }

    private static async Task<double> MeanDiceAsync(IPage page, int label)
    {
        var text = await page.Locator($"[data-testid='dice-summary-row'][data-label='{label}'] [data-testid='summary-mean']").InnerTextAsync();
        return double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Opens <paramref name="path"/> until it shows <paramref name="testId"/> (bounded): the page loads its data once per visit.</summary>
    private async Task OpenUntilAsync(IPage page, string path, string testId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            await page.GotoAsync(new Uri(system.WebUi, path).ToString());
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (await page.GetByTestId(testId).CountAsync() > 0)
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{path} never showed {testId}.");
            await Task.Delay(1000);
        }
    }

    private async Task StepAsync(IPage page, string name, Func<Task> step)
    {
        try
        {
            await step();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, $"{name}.png"), FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, $"{name}-failure.png"), FullPage = true });
            output.WriteLine($"Step {name} failed at {page.Url}");
            foreach (var line in system.Log.TakeLast(80))
                output.WriteLine(line);
            throw;
        }
    }
}
