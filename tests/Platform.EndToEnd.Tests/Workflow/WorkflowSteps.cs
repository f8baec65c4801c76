using Microsoft.Playwright;

namespace Platform.EndToEnd.Tests.Workflow;

/// <summary>Steps more than one workflow takes in the browser.</summary>
internal static class WorkflowSteps
{
    public static async Task CreateLabAsync(IPage page, Uri webUi, string name, string id)
    {
        await page.GotoAsync(new Uri(webUi, "labs").ToString());
        await SignIn.FillWhenInteractiveAsync(page, [("lab-name-input", name), ("lab-id-input", id)], SignIn.Enabled(page, "create-lab-button"));
        await page.GetByTestId("create-lab-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("lab-name").Filter(new() { HasText = name })).ToHaveCountAsync(1);
    }

    /// <summary>Clicks until <paramref name="done"/> says the page reacted (a click before the circuit attaches does nothing).</summary>
    public static async Task ClickWhenInteractiveAsync(IPage page, string testId, Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await page.GetByTestId(testId).ClickAsync();
            for (var wait = 0; wait < 10; wait++)
            {
                if (await done())
                    return;
                await Task.Delay(300);
            }

            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The page never reacted to clicking {testId}.");
        }
    }
}
