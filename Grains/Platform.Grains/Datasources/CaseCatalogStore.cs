using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Plans;

namespace Platform.Grains.Datasources;

/// <summary>
/// The datasource_case table (migration 0006). Writes go in batches through arrays unnested in one statement
/// (one round trip per thousand cases); reads are pages sorted and filtered in SQL.
/// </summary>
public sealed class CaseCatalogStore(NpgsqlDataSource database)
{
    private const int BatchSize = 1000;
    private static readonly JsonSerializerOptions Json = PlanJson.Options;

    public readonly record struct DatasourceKey(string Lab, string Project, string Datasource);

    public sealed record FingerprintRow(string CaseId, string Datasource, CaseStatus Status, IReadOnlyList<CaseProblem> Problems,
        int[]? Shape, double[]? Spacing, IReadOnlyDictionary<int, long> Labels, string ChannelsJson);

    public async Task UpsertAsync(DatasourceKey key, IReadOnlyList<CatalogRow> rows, CancellationToken cancellationToken = default)
    {
        foreach (var batch in rows.Chunk(BatchSize))
        {
            await using var command = database.CreateCommand("""
                INSERT INTO datasource_case AS c (lab_id, project, datasource, case_id, status, problems, files, shape, spacing,
                                                  orientation, labels, foreground_voxels, channels, updated_at)
                SELECT @lab, @project, @datasource, r.case_id, r.status, r.problems::jsonb, r.files::jsonb,
                       CASE WHEN r.shape = '' THEN NULL ELSE string_to_array(r.shape, ',')::integer[] END,
                       CASE WHEN r.spacing = '' THEN NULL ELSE string_to_array(r.spacing, ',')::double precision[] END,
                       r.orientation, r.labels::jsonb, r.foreground_voxels, r.channels::jsonb, now()
                  FROM unnest(@case_ids, @statuses, @problems, @files, @shapes, @spacings, @orientations, @labels, @foreground, @channels)
                       AS r(case_id, status, problems, files, shape, spacing, orientation, labels, foreground_voxels, channels)
                ON CONFLICT (lab_id, project, datasource, case_id) DO UPDATE
                   SET status = EXCLUDED.status, problems = EXCLUDED.problems, files = EXCLUDED.files, shape = EXCLUDED.shape,
                       spacing = EXCLUDED.spacing, orientation = EXCLUDED.orientation, labels = EXCLUDED.labels,
                       foreground_voxels = EXCLUDED.foreground_voxels, channels = EXCLUDED.channels, updated_at = now()
                """);
            AddKey(command, key);
            command.Parameters.AddWithValue("case_ids", batch.Select(r => r.CaseId).ToArray());
            command.Parameters.AddWithValue("statuses", batch.Select(r => (short)r.Status).ToArray());
            command.Parameters.AddWithValue("problems", batch.Select(r => JsonSerializer.Serialize(r.Problems, Json)).ToArray());
            command.Parameters.AddWithValue("files", batch.Select(r => r.FilesJson).ToArray());
            // Arrays of arrays are not a PostgreSQL type; small fixed-size vectors travel as text.
            command.Parameters.AddWithValue("shapes", batch.Select(r => r.Shape is null ? "" : string.Join(',', r.Shape)).ToArray());
            command.Parameters.AddWithValue("spacings", batch.Select(r => r.Spacing is null ? "" : string.Join(',', r.Spacing.Select(s => s.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))).ToArray());
            command.Parameters.Add(new NpgsqlParameter("orientations", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(r => r.Orientation).ToArray() });
            command.Parameters.AddWithValue("labels", batch.Select(r => JsonSerializer.Serialize(r.Labels, Json)).ToArray());
            command.Parameters.Add(new NpgsqlParameter("foreground", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = batch.Select(r => r.ForegroundVoxels).ToArray() });
            command.Parameters.AddWithValue("channels", batch.Select(r => r.ChannelsJson).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task DeleteAsync(DatasourceKey key, IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default)
    {
        if (caseIds.Count == 0)
            return;
        await using var command = database.CreateCommand(
            "DELETE FROM datasource_case WHERE lab_id = @lab AND project = @project AND datasource = @datasource AND case_id = ANY(@ids)");
        AddKey(command, key);
        command.Parameters.AddWithValue("ids", caseIds.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every case id with its stored file signatures (JSON), for an incremental scan.</summary>
    public async Task<IReadOnlyList<(string CaseId, string FilesJson)>> SignaturesAsync(DatasourceKey key, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "SELECT case_id, files::text FROM datasource_case WHERE lab_id = @lab AND project = @project AND datasource = @datasource");
        AddKey(command, key);
        var result = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }

    /// <summary>Usable (valid or flagged) cases of a project's datasources, with the foreground labels each contains.</summary>
    public async Task<IReadOnlyList<(string CaseId, string Datasource, int[] Labels)>> UsableCasesAsync(string lab, string project, IReadOnlyList<string> datasources)
    {
        await using var command = database.CreateCommand("""
            SELECT case_id, datasource,
                   ARRAY(SELECT k::integer FROM jsonb_object_keys(labels) AS k WHERE k::integer > 0 ORDER BY 1)
              FROM datasource_case
             WHERE lab_id = @lab AND project = @project AND datasource = ANY(@datasources) AND status IN (0, 1)
            """);
        command.Parameters.AddWithValue("lab", lab);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("datasources", datasources.ToArray());
        var cases = new List<(string, string, int[])>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            cases.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<int[]>(2)));
        return cases;
    }

    /// <summary>Every case of the given datasources with what the fingerprint needs (statistics and intensity samples included), streamed.</summary>
    public async IAsyncEnumerable<FingerprintRow> FingerprintRowsAsync(string lab, string project, IReadOnlyList<string> datasources)
    {
        await using var command = database.CreateCommand("""
            SELECT case_id, datasource, status, problems::text, shape, spacing, labels::text, channels::text
              FROM datasource_case WHERE lab_id = @lab AND project = @project AND datasource = ANY(@datasources)
            """);
        command.Parameters.AddWithValue("lab", lab);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("datasources", datasources.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            yield return new FingerprintRow(reader.GetString(0), reader.GetString(1), (CaseStatus)reader.GetInt16(2),
                JsonSerializer.Deserialize<List<CaseProblem>>(reader.GetString(3), Json) ?? [],
                reader.IsDBNull(4) ? null : reader.GetFieldValue<int[]>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<double[]>(5),
                JsonSerializer.Deserialize<Dictionary<int, long>>(reader.GetString(6), Json) ?? [],
                reader.GetString(7));
        }
    }

    public async Task<(int Valid, int Flagged, int Invalid)> CountsAsync(DatasourceKey key)
    {
        await using var command = database.CreateCommand("""
            SELECT count(*) FILTER (WHERE status = 0), count(*) FILTER (WHERE status = 1), count(*) FILTER (WHERE status = 2)
              FROM datasource_case WHERE lab_id = @lab AND project = @project AND datasource = @datasource
            """);
        AddKey(command, key);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
    }

    public async Task<CasePage> QueryAsync(DatasourceKey key, CaseQuery query)
    {
        var order = query.SortBy switch
        {
            CaseSort.Status => "status",
            CaseSort.ForegroundVoxels => "foreground_voxels",
            _ => "case_id",
        };
        var direction = query.Descending ? "DESC" : "ASC";
        // The order column comes from the switch above, never from the caller; case_id breaks ties so pages are stable.
        await using var command = database.CreateCommand($"""
            SELECT case_id, status, problems::text, shape, spacing, orientation, labels::text, foreground_voxels, channels::text,
                   count(*) OVER () AS total
              FROM datasource_case
             WHERE lab_id = @lab AND project = @project AND datasource = @datasource
               AND (@status::smallint IS NULL OR status = @status::smallint)
               AND (@prefix::text IS NULL OR case_id LIKE @prefix::text || '%')
             ORDER BY {order} {direction} NULLS LAST, case_id {direction}
             LIMIT @limit OFFSET @offset
            """);
        AddKey(command, key);
        command.Parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Smallint) { Value = query.Status is { } s ? (short)s : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("prefix", NpgsqlDbType.Text) { Value = (object?)EscapeLike(query.CaseIdPrefix) ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", query.PageSize);
        command.Parameters.AddWithValue("offset", (long)query.Page * query.PageSize);

        var cases = new List<CaseSummary>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            total = reader.GetInt64(9);
            cases.Add(new CaseSummary(
                reader.GetString(0),
                (CaseStatus)reader.GetInt16(1),
                JsonSerializer.Deserialize<List<CaseProblem>>(reader.GetString(2), Json) ?? [],
                reader.IsDBNull(3) ? null : reader.GetFieldValue<int[]>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<double[]>(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                JsonSerializer.Deserialize<Dictionary<int, long>>(reader.GetString(6), Json) ?? [],
                reader.IsDBNull(7) ? null : reader.GetInt64(7),
                StoredChannels.Summaries(reader.GetString(8))));
        }

        if (cases.Count == 0 && query.Page > 0)
            total = await CountAsync(key, query);
        return new CasePage(cases, total, query);
    }

    private async Task<long> CountAsync(DatasourceKey key, CaseQuery query)
    {
        await using var command = database.CreateCommand("""
            SELECT count(*) FROM datasource_case
             WHERE lab_id = @lab AND project = @project AND datasource = @datasource
               AND (@status::smallint IS NULL OR status = @status::smallint)
               AND (@prefix::text IS NULL OR case_id LIKE @prefix::text || '%')
            """);
        AddKey(command, key);
        command.Parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Smallint) { Value = query.Status is { } s ? (short)s : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("prefix", NpgsqlDbType.Text) { Value = (object?)EscapeLike(query.CaseIdPrefix) ?? DBNull.Value });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string? EscapeLike(string? prefix) =>
        string.IsNullOrEmpty(prefix) ? null : prefix.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static void AddKey(NpgsqlCommand command, DatasourceKey key)
    {
        command.Parameters.AddWithValue("lab", key.Lab);
        command.Parameters.AddWithValue("project", key.Project);
        command.Parameters.AddWithValue("datasource", key.Datasource);
    }
}
