using Npgsql;

namespace Platform.Grains.Splits;

/// <summary>Fold assignments in split_case (migration 0007): one row per case, replaced as a whole on each save.</summary>
public sealed class SplitStore(NpgsqlDataSource database)
{
    public async Task ReplaceAsync(string lab, string project, string split, IReadOnlyDictionary<string, int> folds)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var delete = new NpgsqlCommand("DELETE FROM split_case WHERE lab_id = @lab AND project = @project AND split = @split", connection, transaction))
        {
            AddKey(delete, lab, project, split);
            await delete.ExecuteNonQueryAsync();
        }

        await using (var insert = new NpgsqlCommand("""
            INSERT INTO split_case (lab_id, project, split, case_id, fold)
            SELECT @lab, @project, @split, c, f FROM unnest(@cases, @folds) AS r(c, f)
            """, connection, transaction))
        {
            AddKey(insert, lab, project, split);
            insert.Parameters.AddWithValue("cases", folds.Keys.ToArray());
            insert.Parameters.AddWithValue("folds", folds.Values.Select(f => (short)f).ToArray());
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public async Task<IReadOnlyDictionary<string, int>> LoadAsync(string lab, string project, string split)
    {
        await using var command = database.CreateCommand("SELECT case_id, fold FROM split_case WHERE lab_id = @lab AND project = @project AND split = @split");
        AddKey(command, lab, project, split);
        var folds = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            folds[reader.GetString(0)] = reader.GetInt16(1);
        return folds;
    }

    private static void AddKey(NpgsqlCommand command, string lab, string project, string split)
    {
        command.Parameters.AddWithValue("lab", lab);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("split", split);
    }
}
