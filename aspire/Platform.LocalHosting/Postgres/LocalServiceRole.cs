using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;

namespace Platform.LocalHosting.Postgres;

/// <summary>
/// A login role for one service on the private server, member of a group role the schema grants rights to (the WebUI's
/// <c>platform_webui</c> in <c>platform_web</c>, migration 0015), so the service connects with only those rights instead
/// of the superuser's. Its password is made once and kept beside the server's (readable by this user only); every call
/// sets it again, so a role created by another checkout's server data follows this one's file.
/// </summary>
public static partial class LocalServiceRole
{
    /// <summary>Creates or updates <paramref name="role"/> as a member of <paramref name="groupRole"/>; returns its connection string to <paramref name="database"/>.</summary>
    public static async Task<string> EnsureAsync(LocalPostgresServer server, string role, string groupRole, string database, CancellationToken cancellationToken = default)
    {
        if (!RoleName().IsMatch(role) || !RoleName().IsMatch(groupRole))
            throw new ArgumentException($"Role names must be lower-case identifiers: '{role}', '{groupRole}'.");

        var password = LoadOrCreatePassword(Path.Combine(server.Options.DataRoot, $"{role}.password"));
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        // Role names and the generated password are checked above and below: nothing here comes from a user.
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

        return new NpgsqlConnectionStringBuilder(server.ConnectionString(database)) { Username = role, Password = password }.ConnectionString;
    }

    private static string LoadOrCreatePassword(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } stored && Password().IsMatch(stored))
            return stored;

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', 'x').Replace('/', 'y').TrimEnd('=');
        File.WriteAllText(path, password);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return password;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex Password();
}
