using Microsoft.Playwright;
using Platform.DemoData.Layouts;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Workflow;

/// <summary>
/// The first-part workflow in Chromium against the whole system: sign-in (wrong password, then right), a lab,
/// a project, a generated datasource registered through the folder picker with its cases in the table, and a
/// second user who sees none of it. Every step leaves a screenshot in test-output/e2e.
/// </summary>
[Collection(PlatformSystemCollection.Name)]
public sealed class SignInToDatasourceTests(PlatformSystemFixture system, ITestOutputHelper output)
{
    private static readonly ViewportSize Viewport = new() { Width = 1280, Height = 860 };
    private readonly string _screenshots = RepositoryPaths.TestOutput("e2e");
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task Admin_builds_a_lab_with_a_datasource_and_another_labs_member_cannot_see_it()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var admin = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Viewport });
        var labName = $"Kidney {_run}";
        var labId = $"kidney-{_run}";
        var otherLabId = $"liver-{_run}";
        var project = $"kits_{_run}";
        var userName = $"user-{_run}";
        var userPassword = $"pass-{_run}-long-enough";
        var folder = WriteDatasource();

        await StepAsync(admin, "01-signin-redirect", async () =>
        {
            await admin.GotoAsync(Url($"labs/{labId}"));
            await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("account/signin"));
        });
        await StepAsync(admin, "02-signin-wrong-password", async () =>
        {
            await SignIn.SubmitAsync(admin, SignIn.AdminUser, "not-the-password");
            await Assertions.Expect(admin.GetByTestId("signin-error")).ToContainTextAsync("not right");
        });
        await StepAsync(admin, "03-signed-in", async () =>
        {
            await SignIn.SubmitAsync(admin, SignIn.AdminUser, SignIn.AdminPassword());
            await Assertions.Expect(admin.GetByTestId("signed-in-user")).ToHaveTextAsync(SignIn.AdminUser);
        });
        await StepAsync(admin, "04-lab-created", async () =>
        {
            await CreateLabAsync(admin, labName, labId);
            await CreateLabAsync(admin, $"Liver {_run}", otherLabId);
        });
        await StepAsync(admin, "05-project-created", async () =>
        {
            await admin.GotoAsync(Url($"labs/{labId}"));
            await SignIn.FillWhenInteractiveAsync(admin, [("project-title-input", project), ("project-description-input", "Kidney and tumour")],
                SignIn.Enabled(admin, "create-project-button"));
            await admin.GetByTestId("create-project-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("project-heading")).ToHaveTextAsync(project);
            await Assertions.Expect(admin.GetByTestId("datasources-empty")).ToBeVisibleAsync();
        });
        await StepAsync(admin, "06-datasource-registered", async () =>
        {
            // The folder picker: open the run's folder, then the datasource inside it (the name is suggested from it).
            await admin.GetByTestId("folder-item").Filter(new() { HasText = Path.GetFileName(Path.GetDirectoryName(folder)) }).ClickAsync();
            await admin.GetByTestId("folder-item").Filter(new() { HasText = "kits" }).ClickAsync();
            await Assertions.Expect(admin.Locator("input[data-testid=datasource-name-input]")).ToHaveValueAsync("kits");
            await Assertions.Expect(admin.GetByTestId("register-datasource-button")).ToBeEnabledAsync();
            await admin.GetByTestId("register-datasource-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("datasource-name")).ToHaveTextAsync("kits");
        });
        await StepAsync(admin, "07-project-overview", async () =>
        {
            // Validation runs in the background; the overview polls until it is done, then shows the fingerprint.
            await Assertions.Expect(admin.GetByTestId("fingerprint-cases")).ToContainTextAsync("3 usable cases", new() { Timeout = 90_000 });
            // Background (0), kidney (1) and tumour (2), each in all 3 cases.
            await Assertions.Expect(admin.GetByTestId("label-value")).ToHaveTextAsync(["0", "1", "2"]);
        });
        await StepAsync(admin, "08-case-table", async () =>
        {
            await admin.GetByTestId("datasource-name").GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(admin.GetByTestId("case-id")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        });
        await StepAsync(admin, "09-account-created", async () =>
        {
            await admin.GotoAsync(Url("accounts"));
            await SignIn.FillWhenInteractiveAsync(admin, [("account-name-input", userName), ("account-password-input", userPassword)],
                SignIn.Enabled(admin, "create-account-button"));
            await admin.GetByTestId("create-account-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("account-name").Filter(new() { HasText = userName })).ToHaveCountAsync(1);
        });
        await StepAsync(admin, "10-member-added", async () =>
        {
            await admin.GotoAsync(Url($"labs/{otherLabId}/members"));
            await SignIn.FillWhenInteractiveAsync(admin, [("member-user-input", userName)], SignIn.Enabled(admin, "add-member-button"));
            await admin.GetByTestId("add-member-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("member-user").Filter(new() { HasText = userName })).ToHaveCountAsync(1);
        });
        await StepAsync(admin, "10b-api-key-shown-once", async () =>
        {
            await admin.Locator("input[data-testid=api-key-name-input]").FillAsync("nightly-training");
            await admin.GetByTestId("create-api-key-button").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("new-api-key-secret")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(".{16,}"));
            await Assertions.Expect(admin.GetByTestId("api-key-name")).ToHaveTextAsync(["nightly-training"]);
            // Shown once: after a reload only the key's name is listed.
            await admin.ReloadAsync();
            await Assertions.Expect(admin.GetByTestId("api-key-name")).ToHaveTextAsync(["nightly-training"]);
            await Assertions.Expect(admin.GetByTestId("new-api-key-secret")).ToHaveCountAsync(0);
        });

        var member = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Viewport })).NewPageAsync();
        await StepAsync(member, "11-member-sees-only-their-lab", async () =>
        {
            await SignIn.AsAsync(member, system.WebUi, userName, userPassword);
            await member.GotoAsync(Url("labs"));
            await Assertions.Expect(member.GetByTestId("lab-name")).ToHaveTextAsync([$"Liver {_run}"]);
            await Assertions.Expect(member.GetByTestId("create-lab-button")).ToHaveCountAsync(0);
            // The lab switcher offers the same single lab and opens it.
            await OpenLabSwitcherAsync(member);
            await Assertions.Expect(member.GetByTestId("lab-switcher-item")).ToHaveTextAsync([$"Liver {_run}"]);
        });
        await StepAsync(member, "12-member-viewer-has-no-actions", async () =>
        {
            await member.GetByTestId("lab-switcher-item").ClickAsync();
            await Assertions.Expect(member).ToHaveURLAsync(Url($"labs/{otherLabId}"));
            await Assertions.Expect(member.GetByTestId("my-role")).ToHaveTextAsync("Viewer");
            await Assertions.Expect(member.GetByTestId("projects-empty")).ToBeVisibleAsync();
            await Assertions.Expect(member.GetByTestId("create-project-button")).ToHaveCountAsync(0);
            await Assertions.Expect(member.GetByTestId("nav-accounts")).ToHaveCountAsync(0);
        });
        await StepAsync(member, "13-member-refused-by-url", async () =>
        {
            await member.GotoAsync(Url($"labs/{labId}/projects/{project}"));
            await Assertions.Expect(member.GetByTestId("project-load-error")).ToContainTextAsync("You may not open this project: your account has no role in this lab");
            await Assertions.Expect(member.GetByTestId("case-table")).ToHaveCountAsync(0);
        });
        await StepAsync(member, "14-member-refused-admin-page", async () =>
        {
            await member.GotoAsync(Url("accounts"));
            await Assertions.Expect(member.GetByTestId("access-denied")).ToBeVisibleAsync();
            await Assertions.Expect(member.GetByTestId("accounts-table")).ToHaveCountAsync(0);
        });
        await StepAsync(member, "14b-signed-out", async () =>
        {
            await member.GotoAsync(Url("labs"));
            await member.GetByTestId("signout-button").ClickAsync();
            await Assertions.Expect(member.GetByTestId("signin-submit")).ToBeVisibleAsync();
            // The cookie is gone: a lab page sends the visitor back to sign in.
            await member.GotoAsync(Url($"labs/{otherLabId}"));
            await Assertions.Expect(member.GetByTestId("signin-submit")).ToBeVisibleAsync();
        });

        var stranger = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Viewport })).NewPageAsync();
        await StepAsync(stranger, "15-locked-after-five-failures", async () =>
        {
            await stranger.GotoAsync(Url("account/signin"));
            for (var attempt = 1; attempt <= 5; attempt++)
                await SignIn.SubmitAsync(stranger, userName, $"wrong-{attempt}");
            await Assertions.Expect(stranger.GetByTestId("signin-error")).ToContainTextAsync("locked");
            // Locked means locked: even the right password is refused now.
            await SignIn.SubmitAsync(stranger, userName, userPassword);
            await Assertions.Expect(stranger.GetByTestId("signin-error")).ToContainTextAsync("locked");
        });
    }

    /// <summary>Clicks the switcher until its menu opens (a click before the circuit attaches does nothing).</summary>
    private static async Task OpenLabSwitcherAsync(IPage page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await page.GetByTestId("lab-switcher-item").CountAsync() == 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The lab switcher never opened.");
            await page.GetByTestId("lab-switcher-button").ClickAsync();
            await Task.Delay(500);
        }
    }

    private string Url(string path) => new Uri(system.WebUi, path).ToString();

    /// <summary>A FRAN datasource of 3 synthetic cases under the system's data root, in a folder of its own.</summary>
    private string WriteDatasource()
    {
        var folder = Path.Combine(RepositoryPaths.Root, ".data", "store", $"e2e-{_run}", "kits");
        DemoDataset.WriteFran(folder, "kits", cases: 3, seed: 7);
        return folder;
    }

    private async Task CreateLabAsync(IPage page, string name, string id)
    {
        await page.GotoAsync(Url("labs"));
        await SignIn.FillWhenInteractiveAsync(page, [("lab-name-input", name), ("lab-id-input", id)], SignIn.Enabled(page, "create-lab-button"));
        await page.GetByTestId("create-lab-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("lab-name").Filter(new() { HasText = name })).ToHaveCountAsync(1);
    }

    private async Task StepAsync(IPage page, string name, Func<Task> step)
    {
        try
        {
            await step();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, $"workflow-{name}.png"), FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, $"workflow-{name}-failure.png"), FullPage = true });
            output.WriteLine($"Step {name} failed at {page.Url}");
            foreach (var line in system.Log.TakeLast(80))
                output.WriteLine(line);
            throw;
        }
    }
}
