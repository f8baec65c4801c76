using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Platform.Grains.Abstractions.Datasources;

using Platform.Plans;
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

    /// <summary>Every case id the catalog holds for the datasource, whatever its status (a target table names cases by them).</summary>
    public async Task<IReadOnlySet<string>> CaseIdsAsync(DatasourceKey key)
    {
        await using var command = database.CreateCommand(
            "SELECT case_id FROM datasource_case WHERE lab_id = @lab AND project = @project AND datasource = @datasource");
        AddKey(command, key);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>The stored file signatures (JSON, images then label) of one case; null when the catalog has no such case.</summary>
    public async Task<string?> CaseFilesAsync(DatasourceKey key, string caseId)
    {
        await using var command = database.CreateCommand(
            "SELECT files::text FROM datasource_case WHERE lab_id = @lab AND project = @project AND datasource = @datasource AND case_id = @case_id");
        AddKey(command, key);
        command.Parameters.AddWithValue("case_id", caseId);
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>A usable case of a project: its foreground labels, and its first image file (whose name nnU-Net knows it by).</summary>
    public sealed record UsableCase(string CaseId, string Datasource, int[] Labels, string FirstImage);

    /// <summary>Usable (valid or flagged) cases of a project's datasources, with the foreground labels each contains.</summary>
    public async Task<IReadOnlyList<UsableCase>> UsableCasesAsync(string lab, string project, IReadOnlyList<string> datasources)
    {
        await using var command = database.CreateCommand("""
            SELECT case_id, datasource,
                   ARRAY(SELECT k::integer FROM jsonb_object_keys(labels) AS k WHERE k::integer > 0 ORDER BY 1),
                   files->0->>'path'
              FROM datasource_case
             WHERE lab_id = @lab AND project = @project AND datasource = ANY(@datasources) AND status IN (0, 1)
            """);
        command.Parameters.AddWithValue("lab", lab);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("datasources", datasources.ToArray());
        var cases = new List<UsableCase>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            cases.Add(new UsableCase(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<int[]>(2), reader.IsDBNull(3) ? "" : reader.GetString(3)));
        return cases;
    }

    /// <summary>The datasources of a project that hold cases in the catalog, sorted.</summary>
    public async Task<IReadOnlyList<string>> DatasourcesAsync(string lab, string project)
    {
        await using var command = database.CreateCommand(
            "SELECT DISTINCT datasource FROM datasource_case WHERE lab_id = @lab AND project = @project ORDER BY 1");
        command.Parameters.AddWithValue("lab", lab);
        command.Parameters.AddWithValue("project", project);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>Usable (valid or flagged) cases of the given datasources with their stored files (JSON file signatures, images then label).</summary>
    public async Task<IReadOnlyList<(string CaseId, string Datasource, string FilesJson)>> UsableCaseFilesAsync(string lab, string project, IReadOnlyList<string> datasources)
    {
        await using var command = database.CreateCommand("""
            SELECT case_id, datasource, files::text
              FROM datasource_case
             WHERE lab_id = @lab AND project = @project AND datasource = ANY(@datasources) AND status IN (0, 1)
             ORDER BY case_id
            """);
        command.Parameters.AddWithValue("lab", lab);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("datasources", datasources.ToArray());
        var cases = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            cases.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
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

    /// <summary>
    /// One page, cheap at any depth of a 300,000-case datasource: the page's keys are found on an index first
    /// (OFFSET walks index entries, not rows) and only those rows are read. A prefix filter is a key range, which
    /// the primary key serves (LIKE would not, under the database's C.UTF-8 collation). <paramref name="knownTotal"/>
    /// is the matching count when the caller knows it (the grain keeps counts per status); otherwise it is counted.
    /// </summary>
    public async Task<CasePage> QueryAsync(DatasourceKey key, CaseQuery query, long? knownTotal)
    {
        var (order, nulls) = query.SortBy switch
        {
            CaseSort.Status => ("status", ""),
            // Matches the index (foreground ascending, nulls last) read forwards or backwards; a case without a
            // foreground count (an invalid one) comes last ascending and first descending.
            CaseSort.ForegroundVoxels => ("foreground_voxels", query.Descending ? "NULLS FIRST" : "NULLS LAST"),
            _ => ("case_id", ""),
        };
        var direction = query.Descending ? "DESC" : "ASC";
        var filter = Filter(query);
        // Every piece of SQL text below comes from this method's own constants, never from the caller.
        await using var command = database.CreateCommand($"""
            WITH page AS (
                SELECT case_id FROM datasource_case
                 WHERE lab_id = @lab AND project = @project AND datasource = @datasource {filter}
                 ORDER BY {order} {direction} {nulls}, case_id {direction}
                 LIMIT @limit OFFSET @offset)
            SELECT c.case_id, c.status, c.problems::text, c.shape, c.spacing, c.orientation, c.labels::text, c.foreground_voxels, c.channels::text
              FROM page JOIN datasource_case c
                ON c.lab_id = @lab AND c.project = @project AND c.datasource = @datasource AND c.case_id = page.case_id
             ORDER BY c.{order} {direction} {nulls}, c.case_id {direction}
            """);
        AddKey(command, key);
        AddFilter(command, query);
        command.Parameters.AddWithValue("limit", query.PageSize);
        command.Parameters.AddWithValue("offset", (long)query.Page * query.PageSize);

        var cases = new List<CaseSummary>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
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
        }

        return new CasePage(cases, knownTotal ?? await CountAsync(key, query), query);
    }

    private async Task<long> CountAsync(DatasourceKey key, CaseQuery query)
    {
        await using var command = database.CreateCommand(
            $"SELECT count(*) FROM datasource_case WHERE lab_id = @lab AND project = @project AND datasource = @datasource {Filter(query)}");
        AddKey(command, key);
        AddFilter(command, query);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Filter(CaseQuery query) =>
        (query.Status is null ? "" : " AND status = @status")
        + (string.IsNullOrEmpty(query.CaseIdPrefix) ? "" : " AND case_id >= @prefix AND case_id < @prefix_end");

    private static void AddFilter(NpgsqlCommand command, CaseQuery query)
    {
        if (query.Status is { } status)
            command.Parameters.AddWithValue("status", (short)status);
        if (!string.IsNullOrEmpty(query.CaseIdPrefix))
        {
            command.Parameters.AddWithValue("prefix", query.CaseIdPrefix);
            // Every id that starts with the prefix sorts below prefix + the highest code point (C.UTF-8 compares code points).
            command.Parameters.AddWithValue("prefix_end", query.CaseIdPrefix + char.ConvertFromUtf32(0x10FFFF));
        }
    }

    private static void AddKey(NpgsqlCommand command, DatasourceKey key)
    {
        command.Parameters.AddWithValue("lab", key.Lab);
        command.Parameters.AddWithValue("project", key.Project);
        command.Parameters.AddWithValue("datasource", key.Datasource);
    }
}
