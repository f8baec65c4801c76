using System.Text.RegularExpressions;
using Npgsql;

namespace Platform.Schema;

/// <summary>
/// What a deployment does on a PostgreSQL server before the migrations: the platform database itself, and login roles
/// for services that connect with a group role's rights only (the WebUI's <c>platform_webui</c> in <c>platform_web</c>,
/// migration 0015). Both are idempotent; the connection string given must be the database owner's (a superuser on a
/// private server).
/// </summary>
public static partial class DatabaseSetup
{
    /// <summary>The web tier's group role (migration 0015 grants it the sign-in accounts only) and the WebUI's login in it.</summary>
    public const string WebGroupRole = "platform_web";
    public const string WebLoginRole = "platform_webui";

    /// <summary>The maintenance database every PostgreSQL server has; CREATE DATABASE is issued from it.</summary>
    private const string MaintenanceDatabase = "postgres";

    /// <summary>Creates the database the connection string names, if the server lacks it.</summary>
    /// <returns>True when this call created it.</returns>
    public static async Task<bool> EnsureDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        CheckIdentifier(database, "Database name");

        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = MaintenanceDatabase, Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(maintenance);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            return false;

        // The name is checked above: nothing here comes from a user.
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database} ENCODING 'UTF8'", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            return false; // another process created it between our check and our create: the outcome is the same
        }
    }

    /// <summary>
    /// Creates or updates <paramref name="role"/> as a login with <paramref name="password"/>, member of
    /// <paramref name="groupRole"/>; every call sets the password again, so the role follows the deployment's secret.
    /// </summary>
    /// <returns>The role's connection string to the same database and server.</returns>
    public static async Task<string> EnsureLoginRoleAsync(string connectionString, string role, string groupRole, string password, CancellationToken cancellationToken = default)
    {
        CheckIdentifier(role, "Role name");
        CheckIdentifier(groupRole, "Role name");
        if (!Password().IsMatch(password))
            throw new ArgumentException("A service role's password must be 16 or more letters and digits.", nameof(password));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Role names and the password are checked above: nothing here is free text.
        await using var ensure = new NpgsqlCommand($"""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                    CREATE ROLE {role} LOGIN PASSWORD '{password}';
                ELSE
                    ALTER ROLE {role} LOGIN PASSWORD '{password}';
                END IF;
            EXCEPTION
                WHEN duplicate_object OR unique_violation THEN NULL;
            END
            $$;
            GRANT {groupRole} TO {role};
            """, connection);
        await ensure.ExecuteNonQueryAsync(cancellationToken);

        return new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = password }.ConnectionString;
    }

    private static void CheckIdentifier(string name, string what)
    {
        if (!Identifier().IsMatch(name))
            throw new ArgumentException($"{what} '{name}' must be a lower-case identifier (a-z, 0-9, _; at most 63 characters).");
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[A-Za-z0-9]{16,}$")]
    private static partial Regex Password();
}
