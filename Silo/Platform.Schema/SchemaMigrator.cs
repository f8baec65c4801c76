using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Platform.Schema;

/// <summary>
/// Brings a PostgreSQL database up to the platform schema by applying the shipped migrations that it lacks.
/// Safe to call from every silo at startup: concurrent callers are serialised by an advisory lock, each
/// migration commits together with its bookkeeping row, and a database that is up to date is left unchanged.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>Applies pending migrations in order.</summary>
    /// <returns>The names of the migrations this call applied (e.g. <c>0001_orleans_clustering</c>); empty when the database was up to date.</returns>
    /// <exception cref="MigrationChecksumMismatchException">An applied migration's shipped text has changed.</exception>
    public static Task<IReadOnlyList<string>> ApplyAsync(string connectionString, ILogger? logger = null, CancellationToken cancellationToken = default) =>
        ApplyScriptsAsync(connectionString, EmbeddedMigrations.All, logger, cancellationToken);

    /// <summary>Applies the given scripts (ordered by number); separate from <see cref="ApplyAsync"/> so tests can feed edited or failing scripts.</summary>
    internal static async Task<IReadOnlyList<string>> ApplyScriptsAsync(string connectionString, IReadOnlyList<MigrationScript> scripts, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var log = logger ?? NullLogger.Instance;
        var ordered = EmbeddedMigrations.Ordered(scripts);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // Verify the whole history before applying anything, so an edited migration stops startup with nothing half done.
        var applied = await ReadHistoryAsync(connection, log, cancellationToken);
        VerifyChecksums(ordered, applied, log);

        var appliedNow = new List<string>();
        foreach (var script in ordered.Where(s => !applied.ContainsKey(s.Name)))
        {
            if (await ApplyOneAsync(connection, script, log, cancellationToken))
                appliedNow.Add(script.Name);
        }

        if (appliedNow.Count == 0)
            SchemaMigratorLog.UpToDate(log, applied.Count);
        return appliedNow;
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadHistoryAsync(NpgsqlConnection connection, ILogger log, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await MigrationHistory.LockAsync(connection, transaction, () => SchemaMigratorLog.WaitingForLock(log), cancellationToken);
        await MigrationHistory.EnsureTableAsync(connection, transaction, cancellationToken);
        var applied = await MigrationHistory.ReadAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static void VerifyChecksums(IReadOnlyList<MigrationScript> scripts, IReadOnlyDictionary<string, string> applied, ILogger log)
    {
        var shipped = scripts.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var (name, checksum) in applied.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!shipped.TryGetValue(name, out var script))
                SchemaMigratorLog.UnknownMigration(log, name);
            else if (!string.Equals(script.Checksum, checksum, StringComparison.Ordinal))
                throw new MigrationChecksumMismatchException(name, checksum, script.Checksum);
        }
    }

    /// <summary>Runs one migration and records it, in one transaction under the lock. False if another process got there first.</summary>
    private static async Task<bool> ApplyOneAsync(NpgsqlConnection connection, MigrationScript script, ILogger log, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await MigrationHistory.LockAsync(connection, transaction, () => SchemaMigratorLog.WaitingForLock(log), cancellationToken);

        // Re-read under the lock: a migrator that held it before us may have applied this script meanwhile.
        var checksum = await MigrationHistory.ChecksumOfAsync(connection, transaction, script.Name, cancellationToken);
        if (checksum is not null)
        {
            if (!string.Equals(checksum, script.Checksum, StringComparison.Ordinal))
                throw new MigrationChecksumMismatchException(script.Name, checksum, script.Checksum);
            SchemaMigratorLog.AppliedElsewhere(log, script.Name);
            return false; // disposing the transaction rolls it back and releases the lock
        }

        await using (var command = new NpgsqlCommand(script.Sql, connection, transaction))
        {
            // No command timeout: a migration may legitimately be slow (an index on a big table); the token ends it.
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await MigrationHistory.RecordAsync(connection, transaction, script, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        SchemaMigratorLog.Applied(log, script.Name, stopwatch.ElapsedMilliseconds);
        return true;
    }
}
