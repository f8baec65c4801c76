using Bunit;
using Platform.Grains.Abstractions.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Services;
using Xunit;

namespace Platform.WebUI.Tests.Layout;

/// <summary>The frame's lab switcher and menu show the lab by its name, and the browser remembers theme and lab.</summary>
public sealed class NavigationTests : MudBlazorContext
{
    private static readonly IReadOnlyList<LabSummary> Labs =
        [new("kidney-lab", "Kidney Imaging Lab", DateTimeOffset.UnixEpoch, null), new("liver-lab", "Liver Lab", DateTimeOffset.UnixEpoch, null)];

    [Fact]
    public void The_menu_titles_the_current_labs_pages_with_its_name()
    {
        Context.AddAuthorization();
        var menu = Context.Render<NavMenu>(p => p.Add(c => c.LabId, "kidney-lab").Add(c => c.LabName, "Kidney Imaging Lab"));

        Assert.Contains("Kidney Imaging Lab", menu.Find("[data-testid=nav-lab]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("kidney-lab", menu.Find("[data-testid=nav-lab] .mud-nav-link-text").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("labs/kidney-lab/queue", menu.Find("[data-testid=nav-queue]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_lab_the_menu_has_no_lab_group()
    {
        Context.AddAuthorization();
        var menu = Context.Render<NavMenu>();

        Assert.Empty(menu.FindAll("[data-testid=nav-lab]"));
    }

    [Fact]
    public void The_switcher_names_the_current_lab_and_falls_back_to_its_id_when_it_is_not_listed()
    {
        var named = Context.Render<LabSwitcher>(p => p.Add(c => c.Labs, Labs).Add(c => c.LabId, "liver-lab"));
        var unknown = Context.Render<LabSwitcher>(p => p.Add(c => c.Labs, Labs).Add(c => c.LabId, "other-lab"));
        var none = Context.Render<LabSwitcher>(p => p.Add(c => c.Labs, Labs));

        Assert.Equal("Liver Lab", named.Find("[data-testid=lab-switcher-button]").TextContent.Trim());
        Assert.Equal("other-lab", unknown.Find("[data-testid=lab-switcher-button]").TextContent.Trim());
        Assert.Equal("Choose a lab", none.Find("[data-testid=lab-switcher-button]").TextContent.Trim());
    }

    [Fact]
    public async Task Preferences_are_read_and_written_under_their_keys_in_the_browsers_storage()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Strict;
        var module = Context.JSInterop.SetupModule(BrowserPreferences.ModulePath);
        module.Setup<string?>("get", BrowserPreferences.DarkModeKey).SetResult("true");
        module.Setup<string?>("get", BrowserPreferences.LabKey).SetResult("liver-lab");
        module.SetupVoid("set", BrowserPreferences.DarkModeKey, "false").SetVoidResult();
        module.SetupVoid("set", BrowserPreferences.LabKey, "kidney-lab").SetVoidResult();
        await using var preferences = new BrowserPreferences(Context.JSInterop.JSRuntime);

        Assert.True(await preferences.DarkModeAsync());
        Assert.Equal("liver-lab", await preferences.LabAsync());
        await preferences.SetDarkModeAsync(false);
        await preferences.SetLabAsync("kidney-lab");

        Assert.Equal(2, module.Invocations["set"].Count);
    }

    [Fact]
    public async Task A_theme_never_chosen_reads_as_none()
    {
        var module = Context.JSInterop.SetupModule(BrowserPreferences.ModulePath);
        module.Setup<string?>("get", BrowserPreferences.DarkModeKey).SetResult(null);
        await using var preferences = new BrowserPreferences(Context.JSInterop.JSRuntime);

        Assert.Null(await preferences.DarkModeAsync());
    }
}
