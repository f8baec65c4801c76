using Microsoft.JSInterop;

namespace Platform.WebUI.Services;

/// <summary>One ES module of wwwroot/js: imported on first use, released with its owner (a circuit already gone releases it too).</summary>
public sealed class JsModule(IJSRuntime js, string path) : IAsyncDisposable
{
    private IJSObjectReference? _module;

    public async ValueTask<IJSObjectReference> GetAsync() => _module ??= await js.InvokeAsync<IJSObjectReference>("import", path);

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
            return;
        try
        {
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the module with it.
        }
    }
}
