using Npgsql;
using Platform.Grains.Abstractions.Datasources;

namespace Platform.Grains.Datasources;

/// <summary>
/// The datasource_modality table (migration 0012): each datasource's channel modalities. Written only by the datasource
/// grain; read by it and by auto-configuration, which needs every datasource of a plan at once.
/// </summary>
public sealed class ModalityStore(NpgsqlDataSource database)
{
    public sealed record Stored(IReadOnlyList<string> Modalities, ModalitySource Source);

    public async Task<Stored?> GetAsync(CaseCatalogStore.DatasourceKey key)
    {
        await using var command = database.CreateCommand(
            "SELECT modalities, source FROM datasource_modality WHERE lab_id = @lab AND project = @project AND datasource = @datasource");
        AddKey(command, key.Lab, key.Project);
        command.Parameters.AddWithValue("datasource", key.Datasource);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new Stored(reader.GetFieldValue<string[]>(0), (ModalitySource)reader.GetInt16(1)) : null;
    }

    public async Task ReplaceAsync(CaseCatalogStore.DatasourceKey key, IReadOnlyList<string> modalities, ModalitySource source)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO datasource_modality (lab_id, project, datasource, modalities, source, updated_at)
            VALUES (@lab, @project, @datasource, @modalities, @source, now())
            ON CONFLICT (lab_id, project, datasource) DO UPDATE
               SET modalities = EXCLUDED.modalities, source = EXCLUDED.source, updated_at = now()
            """);
        AddKey(command, key.Lab, key.Project);
        command.Parameters.AddWithValue("datasource", key.Datasource);
        command.Parameters.AddWithValue("modalities", modalities.ToArray());
        command.Parameters.AddWithValue("source", (short)source);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The modalities of those of <paramref name="datasources"/> that have any, by datasource.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ForDatasourcesAsync(string lab, string project, IReadOnlyList<string> datasources)
    {
        await using var command = database.CreateCommand(
            "SELECT datasource, modalities FROM datasource_modality WHERE lab_id = @lab AND project = @project AND datasource = ANY(@datasources)");
        AddKey(command, lab, project);
        command.Parameters.AddWithValue("datasources", datasources.ToArray());
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            result[reader.GetString(0)] = reader.GetFieldValue<string[]>(1);
        return result;
    }

    private static void AddKey(NpgsqlCommand command, string lab, string project)
    {
        command.Parameters.AddWithValue("lab", lab);
        command.Parameters.AddWithValue("project", project);
    }
}
