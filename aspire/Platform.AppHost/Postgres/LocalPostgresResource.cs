using Platform.LocalHosting.Postgres;

namespace Platform.AppHost.Postgres;

/// <summary>
/// PostgreSQL from Debian's binaries, run in the foreground by Aspire as an executable (no container engine needed):
/// its cluster lives in the data folder (<c>.data/postgres</c>), it listens on 127.0.0.1 only, and its connection
/// string is the superuser's (<c>platform</c>), for the migration and the silos.
/// </summary>
public sealed class LocalPostgresResource(string name, LocalPostgresServer server, ParameterResource password)
    : ExecutableResource(name, server.ForegroundCommand().FileName, server.Options.DataRoot), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username={server.Options.User};Password={password}");

    /// <summary>A connection string to one database of this server, as the superuser or as another login.</summary>
    public ReferenceExpression DatabaseConnectionString(string database, string? user = null, ParameterResource? userPassword = null) =>
        user is null
            ? ReferenceExpression.Create($"{ConnectionStringExpression};Database={database}")
            : ReferenceExpression.Create($"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username={user};Password={userPassword!};Database={database}");
}
