using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using Platform.Grains.Abstractions.Labs;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Layout;

/// <summary>
/// The frame of every page: app bar, lab switcher, navigation. It owns the lab the user works in (the one the address
/// names, else the last one opened, remembered by the browser across reloads) and the theme (remembered likewise), and
/// hands both to the switcher and the menu, so they agree on every page.
/// </summary>
public sealed partial class MainLayout(LabsClient labs, BrowserPreferences preferences, NavigationManager navigation) : IDisposable
{
    private bool _drawerOpen = true;
    private bool _isDarkMode;
    private IReadOnlyList<LabSummary>? _labs;
    private string? _lab;

    /// <summary>The current lab's name (its id until the list arrives, or when the user is not a member).</summary>
    private string? LabName => _lab is null ? null : _labs?.FirstOrDefault(l => l.Id == _lab)?.DisplayName ?? _lab;

    protected override async Task OnInitializedAsync()
    {
        navigation.LocationChanged += LocationChanged;
        _lab = LabRoutes.LabOf(navigation.ToBaseRelativePath(navigation.Uri));
        await LoadLabsAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
            return;
        try
        {
            _isDarkMode = await preferences.DarkModeAsync() ?? _isDarkMode;
            if (_lab is null && await preferences.LabAsync() is { } remembered && _labs?.Any(l => l.Id == remembered) == true)
                _lab = remembered;
            else if (_lab is not null)
                await preferences.SetLabAsync(_lab);
            StateHasChanged();
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or InvalidOperationException)
        {
            // Nothing remembered (storage unavailable or prerendering): the defaults stand.
        }
    }

    private async Task LoadLabsAsync()
    {
        try
        {
            _labs = await labs.ListAsync();
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            // The switcher is a convenience: the page itself reports what went wrong.
            _labs = [];
        }
    }

    private void LocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(async () =>
    {
        // Pages outside a lab (home, all labs, accounts) keep the lab the user was in.
        if (LabRoutes.LabOf(navigation.ToBaseRelativePath(e.Location)) is not { } lab)
            return;
        _lab = lab;
        // A lab created or joined since the last look shows up once the user goes there.
        if (_labs?.Any(l => l.Id == lab) != true)
            await LoadLabsAsync();
        StateHasChanged();
        try
        {
            await preferences.SetLabAsync(lab);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException)
        {
            // Not remembered across reloads; this circuit still keeps it.
        }
    });

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task ToggleDarkMode()
    {
        _isDarkMode = !_isDarkMode;
        try
        {
            await preferences.SetDarkModeAsync(_isDarkMode);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException)
        {
            // The theme changes now; it is just not remembered.
        }
    }

    public void Dispose() => navigation.LocationChanged -= LocationChanged;
}
