using Microsoft.JSInterop;

namespace Platform.WebUI.Services;

/// <summary>Hands text made on the server to the browser as a file download (wwwroot/js/download.js).</summary>
public sealed class FileDownloads(IJSRuntime js) : IAsyncDisposable
{
    public const string ModulePath = "./js/download.js";

    private IJSObjectReference? _module;

    public async Task DownloadTextAsync(string fileName, string content, string mimeType = "application/json")
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
        await _module.InvokeVoidAsync("downloadText", fileName, content, mimeType);
    }

    /// <summary>Bytes travel over the circuit as base64: fine for plan sheets and documents (kilobytes), not for volumes.</summary>
    public async Task DownloadBytesAsync(string fileName, byte[] content, string mimeType)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
        await _module.InvokeVoidAsync("downloadBase64", fileName, Convert.ToBase64String(content), mimeType);
    }

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
