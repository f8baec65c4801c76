using Microsoft.JSInterop;

namespace Platform.WebUI.Services;

/// <summary>
/// What this browser remembers across reloads (wwwroot/js/preferences.js, in localStorage): the theme and the last lab
/// opened. Readable only once the circuit is interactive (after the first render), not while prerendering.
/// </summary>
public sealed class BrowserPreferences(IJSRuntime js) : IAsyncDisposable
{
    public const string ModulePath = "./js/preferences.js";
    public const string DarkModeKey = "dark-mode";
    public const string LabKey = "lab";

    private readonly JsModule _module = new(js, ModulePath);

    /// <summary>The remembered theme; null when the user never chose one.</summary>
    public async Task<bool?> DarkModeAsync() => await GetAsync(DarkModeKey) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public Task SetDarkModeAsync(bool dark) => SetAsync(DarkModeKey, dark ? "true" : "false");

    /// <summary>The lab last opened in this browser; null when none was.</summary>
    public Task<string?> LabAsync() => GetAsync(LabKey);

    public Task SetLabAsync(string lab) => SetAsync(LabKey, lab);

    private async Task<string?> GetAsync(string key) => await (await _module.GetAsync()).InvokeAsync<string?>("get", key);

    private async Task SetAsync(string key, string value) => await (await _module.GetAsync()).InvokeVoidAsync("set", key, value);

    public ValueTask DisposeAsync() => _module.DisposeAsync();
}
