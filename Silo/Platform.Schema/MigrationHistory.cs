using Npgsql;

namespace Platform.Schema;

/// <summary>
/// The <c>schema_migrations</c> bookkeeping table and the lock that serialises migrators. Every call runs
/// inside the caller's transaction, so a migration and its bookkeeping row commit or roll back together.
/// </summary>
internal static class MigrationHistory
{
    /// <summary>
    /// Key of the transaction-scoped advisory lock ("PlatSche" in ASCII). Advisory locks are per database,
    /// so migrators of different databases never wait for each other; nothing else in the platform uses this key.
    /// </summary>
    private const long LockKey = 0x506C_6174_5363_6865;

    /// <summary>
    /// Takes the migration lock for the rest of the transaction. <paramref name="onWait"/> runs first when another
    /// migrator holds it, so the caller can say why startup pauses.
    /// </summary>
    public static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Action onWait, CancellationToken cancellationToken)
    {
        await using var tryLock = Command(connection, transaction, "SELECT pg_try_advisory_xact_lock(@key)");
        tryLock.Parameters.AddWithValue("key", LockKey);
        if (await tryLock.ExecuteScalarAsync(cancellationToken) is true)
            return;

        onWait();
        // No command timeout: another process may be running a long migration; the caller's token ends the wait.
        await using var wait = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)");
        wait.CommandTimeout = 0;
        wait.Parameters.AddWithValue("key", LockKey);
        await wait.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Creates the table on first use. Called under the lock, so concurrent first migrators cannot race on it.</summary>
    public static async Task EnsureTableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        const string sql = """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                name       text        NOT NULL PRIMARY KEY,
                checksum   text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """;
        await using var create = Command(connection, transaction, sql);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Applied migrations and the checksums they were applied with.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, transaction, "SELECT name, checksum FROM schema_migrations");
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            applied[reader.GetString(0)] = reader.GetString(1);
        return applied;
    }

    /// <summary>The checksum one migration was applied with, or null if it has not been applied.</summary>
    public static async Task<string?> ChecksumOfAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, transaction, "SELECT checksum FROM schema_migrations WHERE name = @name");
        select.Parameters.AddWithValue("name", name);
        return await select.ExecuteScalarAsync(cancellationToken) as string;
    }

    public static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, transaction, "INSERT INTO schema_migrations (name, checksum) VALUES (@name, @checksum)");
        insert.Parameters.AddWithValue("name", script.Name);
        insert.Parameters.AddWithValue("checksum", script.Checksum);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql) => new(sql, connection, transaction);
}
