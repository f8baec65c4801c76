using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.LocalHosting.Postgres;

namespace Platform.AppHost.Postgres;

public static class LocalPostgresBuilderExtensions
{
    /// <summary>
    /// Adds the private PostgreSQL server: before it starts, its cluster is initialised on first use (initdb with the
    /// password parameter) by <see cref="LocalPostgresServer"/>, the one owner of that work, which the tests use too;
    /// it is healthy once it accepts the superuser's connection.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string dataFolder, int port, IResourceBuilder<ParameterResource> password)
    {
        var server = new LocalPostgresServer(new LocalPostgresOptions(dataFolder, port));
        var resource = new LocalPostgresResource(name, server, password.Resource);
        var healthCheck = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheck, _ => new AcceptsConnections(resource), HealthStatus.Unhealthy, tags: null));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, async (e, cancellationToken) =>
        {
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
            var prepared = new LocalPostgresServer(server.Options, message => logger.LogInformation("{Message}", message));
            await prepared.PrepareForegroundAsync(await password.Resource.GetValueAsync(cancellationToken) ?? "", cancellationToken);
        });

        return builder.AddResource(resource)
            .WithArgs([.. server.ForegroundCommand().Arguments])
            .WithEndpoint(name: LocalPostgresResource.EndpointName, port: port, targetPort: port, scheme: "tcp", isProxied: false)
            .WithHealthCheck(healthCheck)
            .WithIconName("Database");
    }

    /// <summary>Opens a connection to the maintenance database; healthy when the server answers the superuser.</summary>
    private sealed class AcceptsConnections(LocalPostgresResource server) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var connectionString = new NpgsqlConnectionStringBuilder(await server.ConnectionStringExpression.GetValueAsync(cancellationToken))
                {
                    Database = "postgres",
                    Pooling = false,
                    Timeout = 3,
                }.ConnectionString;
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy(e.Message);
            }
        }
    }
}
