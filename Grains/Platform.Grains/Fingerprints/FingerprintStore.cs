using Npgsql;

namespace Platform.Grains.Fingerprints;

/// <summary>
/// Stored fingerprints in dataset_fingerprint (migration 0013). Refreshes of one project take a transaction-scoped
/// advisory lock, so two scans finishing at once store their fingerprints one after the other and the latest row of a
/// selection is always computed from the newest catalog.
/// </summary>
public sealed class FingerprintStore(NpgsqlDataSource database)
{
    private const string Columns = "id, datasources, content_hash, created_at, document, case_ids";

    public async Task<StoredFingerprint?> LatestAsync(string lab, string project, IReadOnlyList<string> datasources)
    {
        await using var command = database.CreateCommand($"""
            SELECT {Columns} FROM dataset_fingerprint
             WHERE lab_id = @lab AND project = @project AND datasources = @datasources ORDER BY id DESC LIMIT 1
            """);
        Key(command, lab, project);
        command.Parameters.AddWithValue("datasources", Selection(datasources));
        return await ReadOneAsync(command);
    }

    public async Task<StoredFingerprint?> GetAsync(string lab, string project, long id)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM dataset_fingerprint WHERE lab_id = @lab AND project = @project AND id = @id");
        Key(command, lab, project);
        command.Parameters.AddWithValue("id", id);
        return await ReadOneAsync(command);
    }

    /// <summary>The selections stored for the project that include <paramref name="datasource"/>.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> SelectionsWithAsync(string lab, string project, string datasource)
    {
        await using var command = database.CreateCommand(
            "SELECT DISTINCT datasources FROM dataset_fingerprint WHERE lab_id = @lab AND project = @project AND @datasource = ANY(datasources)");
        Key(command, lab, project);
        command.Parameters.AddWithValue("datasource", datasource);
        var selections = new List<IReadOnlyList<string>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            selections.Add(reader.GetFieldValue<string[]>(0));
        return selections;
    }

    /// <summary>
    /// Runs <paramref name="compute"/> under the project's refresh lock and stores what it returns, unless the latest
    /// stored fingerprint of the selection has the same hash (then that one is returned). Null from compute stores nothing.
    /// </summary>
    public async Task<StoredFingerprint?> RefreshAsync(string lab, string project, IReadOnlyList<string> datasources,
        Func<Task<(string Hash, string Document, IReadOnlyList<string> CaseIds)?>> compute)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", $"dataset_fingerprint/{lab}/{project}");
            await lockCommand.ExecuteNonQueryAsync();
        }

        var computed = await compute();
        if (computed is not { } fresh)
            return null;
        var latest = await LatestAsync(lab, project, datasources);
        if (latest?.Hash == fresh.Hash)
            return latest;

        await using var insert = new NpgsqlCommand($"""
            INSERT INTO dataset_fingerprint (lab_id, project, datasources, content_hash, document, case_ids)
            VALUES (@lab, @project, @datasources, @hash, @document, @cases)
            RETURNING {Columns}
            """, connection, transaction);
        Key(insert, lab, project);
        insert.Parameters.AddWithValue("datasources", Selection(datasources));
        insert.Parameters.AddWithValue("hash", fresh.Hash);
        insert.Parameters.AddWithValue("document", fresh.Document);
        insert.Parameters.AddWithValue("cases", fresh.CaseIds.ToArray());
        var stored = await ReadOneAsync(insert);
        await transaction.CommitAsync();
        return stored;
    }

    /// <summary>A selection is its datasources sorted and without repeats, so the same set always finds the same rows.</summary>
    public static string[] Selection(IEnumerable<string> datasources) => [.. datasources.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static void Key(NpgsqlCommand command, string lab, string project)
    {
        command.Parameters.AddWithValue("lab", lab);
        command.Parameters.AddWithValue("project", project);
    }

    private static async Task<StoredFingerprint?> ReadOneAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            return null;
        return new StoredFingerprint(reader.GetInt64(0), reader.GetFieldValue<string[]>(1), reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.GetFieldValue<string[]>(5));
    }
}
