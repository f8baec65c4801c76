using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Schema;
using Platform.ServiceDefaults;

// Creates the platform database if the server lacks it, applies the pending migrations, and (when the deployment gives
// the WebUI a password) creates or updates the WebUI's login in the web tier's group role. Then exits: 0 when the
// database is ready for the silos.
// Keys: ConnectionStrings:platformdb (the database owner), Platform:Schema:WebLoginPassword (optional).
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
using var host = builder.Build();
await host.StartAsync();

var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Schema.Migrator");
var connectionString = builder.Configuration.GetConnectionString("platformdb")
    ?? throw new InvalidOperationException("ConnectionStrings:platformdb is not set: the migration needs the database owner's connection.");
using var stopping = new CancellationTokenSource(TimeSpan.FromMinutes(5));

if (await DatabaseSetup.EnsureDatabaseAsync(connectionString, stopping.Token))
    logger.LogInformation("Created the platform database");
var applied = await SchemaMigrator.ApplyAsync(connectionString, logger, stopping.Token);
logger.LogInformation("Schema up to date ({Count} migrations applied now)", applied.Count);

if (builder.Configuration["Platform:Schema:WebLoginPassword"] is { Length: > 0 } webPassword)
{
    await DatabaseSetup.EnsureLoginRoleAsync(connectionString, DatabaseSetup.WebLoginRole, DatabaseSetup.WebGroupRole, webPassword, stopping.Token);
    logger.LogInformation("Login {Role} is a member of {Group}", DatabaseSetup.WebLoginRole, DatabaseSetup.WebGroupRole);
}

// Stopping the host flushes the telemetry exporters, so the dashboard gets this run's traces and logs.
await host.StopAsync();
