using MudBlazor.Services;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Database;
using Platform.WebUI.Components;
using Platform.WebUI.DataRoot;
using Platform.WebUI.Demo;
using Platform.WebUI.Identity;
using Platform.WebUI.Models;
using Platform.WebUI.Operations;
using Platform.WebUI.Services;
using Platform.WebUI.Viewer;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformClient();
builder.AddLocalAccounts();
builder.AddDatabaseAvailability();
builder.AddDataRootBrowsing();
// After AddLocalAccounts: hosted services start in order, so the first administrator exists before the demo is seeded.
builder.Services.AddHostedService<DemoSeedingService>();
builder.AddImageViewer();
builder.AddModelPages();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();
if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/error", createScopeForErrors: true);

app.UseAuthentication();
app.UseAuthorization();
// After authentication, so prerendered pages call the grains as the signed-in user.
app.UseCallerCredentials();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapSignOut();
app.MapViewerApi();
app.MapModelApi();
app.MapOperatorDashboard();
app.MapOidcSignIn(app.Services.GetRequiredService<OidcOptions>());
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
await app.RunAsync();
