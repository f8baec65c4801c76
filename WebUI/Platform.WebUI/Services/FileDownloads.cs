using Microsoft.JSInterop;

namespace Platform.WebUI.Services;

/// <summary>Hands text made on the server to the browser as a file download (wwwroot/js/download.js).</summary>
public sealed class FileDownloads(IJSRuntime js) : IAsyncDisposable
{
    public const string ModulePath = "./js/download.js";

    private readonly JsModule _module = new(js, ModulePath);

    public async Task DownloadTextAsync(string fileName, string content, string mimeType = "application/json") =>
        await (await _module.GetAsync()).InvokeVoidAsync("downloadText", fileName, content, mimeType);

    /// <summary>Bytes travel over the circuit as base64: fine for plan sheets and documents (kilobytes), not for volumes.</summary>
    public async Task DownloadBytesAsync(string fileName, byte[] content, string mimeType) =>
        await (await _module.GetAsync()).InvokeVoidAsync("downloadBase64", fileName, Convert.ToBase64String(content), mimeType);

    public ValueTask DisposeAsync() => _module.DisposeAsync();
}
