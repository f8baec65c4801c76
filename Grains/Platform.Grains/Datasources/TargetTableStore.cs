using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Platform.Grains.Abstractions.Datasources;
using Platform.Plans.Tasks;

namespace Platform.Grains.Datasources;

/// <summary>
/// The datasource_target_table table (migration 0017): one row per datasource holding its checked target table and the
/// report of the upload that gave it, replaced as a whole in one statement (so a reader sees the old table or the new one).
/// </summary>
public sealed class TargetTableStore(NpgsqlDataSource database)
{
    private sealed record StoredTarget(string C, int? K, double? V);

    public async Task ReplaceAsync(CaseCatalogStore.DatasourceKey key, CaseTargetTable table, TargetTableReport report)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO datasource_target_table AS t
                   (lab_id, project, datasource, kind, file_name, class_names, targets, problems, rows_read, uploaded_by, uploaded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (lab_id, project, datasource) DO UPDATE
               SET kind = EXCLUDED.kind, file_name = EXCLUDED.file_name, class_names = EXCLUDED.class_names,
                   targets = EXCLUDED.targets, problems = EXCLUDED.problems, rows_read = EXCLUDED.rows_read,
                   uploaded_by = EXCLUDED.uploaded_by, uploaded_at = EXCLUDED.uploaded_at
            """);
        AddKey(command, key);
        command.Parameters.Add(new NpgsqlParameter { Value = (short)table.Kind });
        command.Parameters.Add(new NpgsqlParameter { Value = report.FileName });
        command.Parameters.Add(new NpgsqlParameter { Value = table.ClassNames.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(table.Targets.Select(t => new StoredTarget(t.CaseId, t.Class, t.Value))), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(report.Problems), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = report.RowsRead });
        command.Parameters.Add(new NpgsqlParameter { Value = report.UploadedBy });
        command.Parameters.Add(new NpgsqlParameter { Value = report.UploadedAt });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<CaseTargetTable?> GetTableAsync(CaseCatalogStore.DatasourceKey key)
    {
        await using var command = database.CreateCommand(
            "SELECT kind, class_names, targets::text FROM datasource_target_table WHERE lab_id = $1 AND project = $2 AND datasource = $3");
        AddKey(command, key);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            return null;
        return new CaseTargetTable((TaskKind)reader.GetInt16(0), reader.GetFieldValue<string[]>(1), Targets(reader.GetString(2)));
    }

    public async Task<TargetTableReport?> GetReportAsync(CaseCatalogStore.DatasourceKey key)
    {
        await using var command = database.CreateCommand("""
            SELECT kind, file_name, class_names, jsonb_array_length(targets), problems::text, rows_read, uploaded_at, uploaded_by
              FROM datasource_target_table WHERE lab_id = $1 AND project = $2 AND datasource = $3
            """);
        AddKey(command, key);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            return null;
        return new TargetTableReport(reader.GetString(1), (TaskKind)reader.GetInt16(0), reader.GetFieldValue<string[]>(2), reader.GetInt32(5),
            reader.GetInt32(3), JsonSerializer.Deserialize<List<CaseProblem>>(reader.GetString(4)) ?? [],
            reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7));
    }

    private static List<CaseTarget> Targets(string json) =>
        (JsonSerializer.Deserialize<List<StoredTarget>>(json) ?? []).Select(t => new CaseTarget(t.C, t.K, t.V)).ToList();

    private static void AddKey(NpgsqlCommand command, CaseCatalogStore.DatasourceKey key)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = key.Lab });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Project });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Datasource });
    }
}
