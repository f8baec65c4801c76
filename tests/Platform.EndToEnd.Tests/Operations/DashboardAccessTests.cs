using Microsoft.Playwright;
using Xunit;

namespace Platform.EndToEnd.Tests.Operations;

/// <summary>
/// The Orleans dashboard shows every lab's grain keys and the silos' live log: against the real processes, its page and
/// its data are for platform administrators only. Nobody signed in is sent to sign in (never shown the dashboard), a
/// signed-in account that is not a platform administrator gets 403, an administrator gets the page and live data.
/// </summary>
[Collection(DashboardSystemCollection.Name)]
public sealed class DashboardAccessTests(DashboardSystemFixture system)
{
    private static readonly string[] DashboardPaths = ["dashboard/", "dashboard/index.html", "dashboard/DashboardCounters", "dashboard/ClusterStats"];
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    private string Url(string path) => new Uri(system.WebUi, path).ToString();

    [Fact]
    public async Task Only_platform_administrators_see_the_dashboard()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        var anonymous = await playwright.APIRequest.NewContextAsync();
        foreach (var path in DashboardPaths)
        {
            var response = await anonymous.GetAsync(Url(path), new() { MaxRedirects = 0 });
            Assert.True(response.Status is 302 or 401, $"anonymous {path}: {response.Status}");
            if (response.Status == 302)
                Assert.Contains("account/signin", response.Headers["location"], StringComparison.Ordinal);
        }

        var admin = await browser.NewPageAsync();
        await SignIn.AsAsync(admin, system.WebUi, SignIn.AdminUser, system.AdminPassword);
        foreach (var path in DashboardPaths)
        {
            var response = await admin.Context.APIRequest.GetAsync(Url(path), new() { MaxRedirects = 0 });
            Assert.True(response.Status == 200, $"administrator {path}: {response.Status} {await response.TextAsync()}");
        }

        // The data comes from the silo, which collects it: the dashboard works, not just its static page.
        var counters = await admin.Context.APIRequest.GetAsync(Url("dashboard/DashboardCounters"));
        Assert.Contains("\"totalActiveHostCount\"", await counters.TextAsync(), StringComparison.OrdinalIgnoreCase);

        var (user, password) = ($"ops-{_run}", $"pass-{_run}-long-enough");
        await admin.GotoAsync(Url("accounts"));
        await SignIn.FillWhenInteractiveAsync(admin, [("account-name-input", user), ("account-password-input", password)],
            SignIn.Enabled(admin, "create-account-button"));
        await admin.GetByTestId("create-account-button").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("account-name").Filter(new() { HasText = user })).ToHaveCountAsync(1);

        var member = await (await browser.NewContextAsync()).NewPageAsync();
        await SignIn.AsAsync(member, system.WebUi, user, password);
        foreach (var path in DashboardPaths)
        {
            var response = await member.Context.APIRequest.GetAsync(Url(path), new() { MaxRedirects = 0 });
            Assert.True(response.Status == 403, $"non-administrator {path}: {response.Status}");
        }
    }
}
