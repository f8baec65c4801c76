using Microsoft.JSInterop;

namespace Platform.WebUI.Services;

/// <summary>Hands text made on the server to the browser as a file download (wwwroot/js/download.js).</summary>
public sealed class BrowserDownload(IJSRuntime js)
{
    public const string ModulePath = "./js/download.js";

    public async Task SaveTextAsync(string fileName, string mimeType, string text)
    {
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
        await module.InvokeVoidAsync("downloadText", fileName, mimeType, text);
    }
}
