using Bunit;
using MudBlazor.Services;
using Xunit;

namespace Platform.WebUI.Tests;

/// <summary>
/// A bUnit context with MudBlazor's services, held in a field and disposed asynchronously (MudBlazor's
/// services are async-disposable only). JS interop is loose: MudBlazor calls JS we do not test here.
/// </summary>
public abstract class MudBlazorContext : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    protected MudBlazorContext()
    {
        // The default 1 s is too short on a busy shared build machine; a passing assertion returns at once anyway.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
