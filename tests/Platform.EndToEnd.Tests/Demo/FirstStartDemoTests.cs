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
        await SignIn.AsAsync(page, system.WebUi, SignIn.AdminUser, SignIn.AdminPassword());

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

        // The files came from the seeder, into the fresh data root this start was given.
        Assert.True(Directory.Exists(Path.Combine(system.DataRoot, "demo", Datasource, "images")));
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
