using Microsoft.Playwright;

namespace Platform.EndToEnd.Tests;

/// <summary>Signing in through the static sign-in form, and typing into interactive pages once they are live.</summary>
public static class SignIn
{
    public const string AdminUser = "admin";

    /// <summary>Submits the sign-in form (the page must show it).</summary>
    public static async Task SubmitAsync(IPage page, string user, string password)
    {
        await page.GetByTestId("signin-username").FillAsync(user);
        await page.GetByTestId("signin-password").FillAsync(password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Opens the sign-in page and signs in; waits until the app shows the signed-in user.</summary>
    public static async Task AsAsync(IPage page, Uri webUi, string user, string password)
    {
        await page.GotoAsync(new Uri(webUi, "account/signin").ToString());
        await SubmitAsync(page, user, password);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(user);
    }

    /// <summary>
    /// The first paint is prerendered; keystrokes count only once the interactive circuit is attached. Fill the
    /// fields until <paramref name="ready"/> says the page reacted (bounded).
    /// </summary>
    public static async Task FillWhenInteractiveAsync(IPage page, IReadOnlyList<(string TestId, string Value)> fields, Func<Task<bool>> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                // Short attempts: when the circuit attaches it re-renders the form, and a fill on the replaced
                // element waits for a node that never comes back; the next attempt finds the new one.
                foreach (var (testId, value) in fields)
                    await page.Locator($"input[data-testid={testId}]").FillAsync(value, new LocatorFillOptions { Timeout = 5000 });
                if (await ready())
                    return;
            }
            catch (TimeoutException) when (DateTime.UtcNow <= deadline)
            {
                continue;
            }

            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The page never reacted to typing into {string.Join(", ", fields.Select(f => f.TestId))}.");
            await Task.Delay(300);
        }
    }

    public static Func<Task<bool>> Enabled(IPage page, string testId) => () => page.GetByTestId(testId).IsEnabledAsync();
}
