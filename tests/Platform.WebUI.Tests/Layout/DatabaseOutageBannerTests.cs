using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.ServiceDefaults.Database;
using Platform.Testing;
using Platform.WebUI.Components.Layout;
using Xunit;

namespace Platform.WebUI.Tests.Layout;

/// <summary>The banner follows the service's database watcher, here probing a port where no database listens.</summary>
public sealed class DatabaseOutageBannerTests : MudBlazorContext
{
    private readonly NpgsqlDataSource _nowhere = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={FreePorts.Next()};Username=nobody;Timeout=2");
    private readonly DatabaseAvailability _availability;

    public DatabaseOutageBannerTests()
    {
        _availability = new DatabaseAvailability(_nowhere, Options.Create(new DatabaseAvailabilityOptions()), TimeProvider.System, NullLogger<DatabaseAvailability>.Instance);
        Context.Services.AddSingleton(_availability);
    }

    [Fact]
    public async Task Nothing_shows_until_a_probe_fails_then_the_outage_is_announced_on_the_page_already_open()
    {
        var banner = Context.Render<DatabaseOutageBanner>();
        Assert.Empty(banner.FindAll("[data-testid=database-outage-banner]"));

        var status = await _availability.ProbeAsync(CancellationToken.None);

        Assert.False(status.Reachable);
        banner.WaitForAssertion(() => Assert.Contains("The platform's database has been unreachable since", banner.Find("[data-testid=database-outage-banner]").TextContent, StringComparison.Ordinal));
        Assert.Contains("reconnects on its own", banner.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_opened_during_the_outage_shows_it_at_once()
    {
        await _availability.ProbeAsync(CancellationToken.None);

        var banner = Context.Render<DatabaseOutageBanner>();

        Assert.Single(banner.FindAll("[data-testid=database-outage-banner]"));
    }
}
