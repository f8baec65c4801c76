using Npgsql;
using Platform.Grains.Abstractions.Projects;

namespace Platform.Grains.Projects;

/// <summary>
/// The label name tables (migration 0016): dataset.json names per datasource, written by the datasource grain at each
/// scan, and the project's own names, written by the project grain. <see cref="ResolveAsync"/> reads both for
/// everyone who shows or packages names (the project grain, the training and cross-validation executors).
/// </summary>
public sealed class LabelNameStore(NpgsqlDataSource database)
{
    public async Task<LabelNames> ResolveAsync(string lab, string project)
    {
        var projectNames = new Dictionary<int, string>();
        var datasetJson = new Dictionary<string, Dictionary<int, string>>(StringComparer.Ordinal);
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(Command("SELECT label, name FROM project_label_name WHERE lab_id = $1 AND project = $2", lab, project));
        batch.BatchCommands.Add(Command("SELECT datasource, label, name FROM datasource_label_name WHERE lab_id = $1 AND project = $2", lab, project));
        await using var reader = await batch.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            projectNames[reader.GetInt16(0)] = reader.GetString(1);
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            var datasource = reader.GetString(0);
            if (!datasetJson.TryGetValue(datasource, out var names))
                datasetJson[datasource] = names = [];
            names[reader.GetInt16(1)] = reader.GetString(2);
        }

        return LabelNames.Resolve(projectNames, datasetJson.Select(d => (d.Key, (IReadOnlyDictionary<int, string>)d.Value)));
    }

    /// <summary>Replaces a datasource's dataset.json names (none: the folder has no readable dataset.json or it names no label).</summary>
    public Task ReplaceDatasourceAsync(string lab, string project, string datasource, IReadOnlyDictionary<int, string> names) =>
        ReplaceAsync("DELETE FROM datasource_label_name WHERE lab_id = $1 AND project = $2 AND datasource = $3", [lab, project, datasource],
            "INSERT INTO datasource_label_name (lab_id, project, datasource, label, name) VALUES ($1, $2, $3, $4, $5)",
            names.Select(n => new object[] { lab, project, datasource, (short)n.Key, n.Value }));

    /// <summary>Replaces the names set on the project.</summary>
    public Task ReplaceProjectAsync(string lab, string project, IReadOnlyDictionary<int, string> names, string by) =>
        ReplaceAsync("DELETE FROM project_label_name WHERE lab_id = $1 AND project = $2", [lab, project],
            "INSERT INTO project_label_name (lab_id, project, label, name, updated_by) VALUES ($1, $2, $3, $4, $5)",
            names.Select(n => new object[] { lab, project, (short)n.Key, n.Value, by }));

    private async Task ReplaceAsync(string delete, object[] deleteValues, string insert, IEnumerable<object[]> rows)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(delete, deleteValues));
        foreach (var row in rows)
            batch.BatchCommands.Add(Command(insert, row));
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
