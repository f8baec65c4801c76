using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Database;

public static class DatabaseAvailabilityExtensions
{
    /// <summary>
    /// Watches PostgreSQL through the service's registered <see cref="Npgsql.NpgsqlDataSource"/>: one
    /// <see cref="DatabaseAvailability"/> (a hosted service, and a singleton for the banner) and a "database" health check.
    /// </summary>
    public static TBuilder AddDatabaseAvailability<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<DatabaseAvailabilityOptions>(builder.Configuration.GetSection(DatabaseAvailabilityOptions.Section));
        builder.Services.AddSingleton<DatabaseAvailability>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseAvailability>());
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }
}
