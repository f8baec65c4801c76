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

    /// <summary>
    /// Types into a field and leaves it (MudBlazor fields commit on change), then checks the value stayed: a form that
    /// was still loading may re-render over what was typed, so it is typed again (bounded).
    /// </summary>
    public static async Task FillFieldAsync(IPage page, string testId, string value)
    {
        var field = page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}]").First;
        for (var attempt = 0; ; attempt++)
        {
            await field.FillAsync(value);
            await field.PressAsync("Tab");
            await Task.Delay(400);
            if (await field.InputValueAsync() == value)
                return;
            if (attempt == 20)
                throw new TimeoutException($"The field {testId} never kept the value '{value}'.");
        }
    }
}
