using Microsoft.JSInterop;

namespace Platform.WebUI.Services;

/// <summary>
/// Hands bytes made on the server to the browser as a file download (wwwroot/js/download.js). The bytes travel
/// over the circuit as base64, which suits plan sheets and plan documents (kilobytes), not volumes.
/// </summary>
public sealed class BrowserDownloads(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;

    public async Task SaveAsync(string fileName, string contentType, byte[] content)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/download.js");
        await _module.InvokeVoidAsync("saveBase64", fileName, contentType, Convert.ToBase64String(content));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null)
                await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the module with it.
        }
    }
}
