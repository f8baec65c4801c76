using Microsoft.Playwright;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Labs;

[Collection(PlatformSystemCollection.Name)]
public sealed class LabsPageTests(PlatformSystemFixture system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_lab_created_in_the_page_is_listed_and_still_listed_after_a_reload()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var labName = $"Kidney Imaging {Guid.NewGuid().ToString("N")[..6]}";
        var screenshots = RepositoryPaths.TestOutput("e2e");
        File.Delete(Path.Combine(screenshots, "labs-failure.png"));

        try
        {
            await SignIn.AsAsync(page, system.WebUi, SignIn.AdminUser, system.AdminPassword);
            await page.GotoAsync(new Uri(system.WebUi, "labs").ToString());
            await TypeOnceInteractiveAsync(page, labName);

            var create = page.GetByTestId("create-lab-button");
            await Assertions.Expect(create).ToBeEnabledAsync();
            await create.ClickAsync();

            var listed = page.GetByTestId("lab-name").Filter(new LocatorFilterOptions { HasText = labName });
            await Assertions.Expect(listed).ToHaveCountAsync(1);

            await page.ReloadAsync();
            await Assertions.Expect(page.GetByTestId("lab-name").Filter(new LocatorFilterOptions { HasText = labName })).ToHaveCountAsync(1);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "labs-after-reload.png"), FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "labs-failure.png"), FullPage = true });
            foreach (var line in system.Log.TakeLast(80))
                output.WriteLine(line);
            throw;
        }
    }

    /// <summary>
    /// The first paint is prerendered; keystrokes count only once the interactive circuit is attached. The id
    /// field filling itself from the name is the sign that it is: type until that happens (bounded).
    /// </summary>
    private static async Task TypeOnceInteractiveAsync(IPage page, string labName)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await page.GetByTestId("lab-name-input").FillAsync(labName);
            if (await page.GetByTestId("lab-id-input").InputValueAsync() != "")
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The labs page never became interactive (the id was not suggested from the name).");
            await Task.Delay(250);
        }
    }
}
