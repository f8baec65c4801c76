using Npgsql;
using Platform.Grains.Abstractions.Plans;
using Platform.Plans;

namespace Platform.Grains.Plans;

/// <summary>Plan versions in the plan_version table (migration 0005; the fingerprint each was configured from, 0013).</summary>
public sealed class PlanVersionStore(NpgsqlDataSource database)
{
    public async Task<PlanSnapshot?> LatestAsync(string lab, string project, string plan)
    {
        await using var command = Command("""
            SELECT version, settings::text, author, saved_at, comment, fingerprint_id FROM plan_version
             WHERE lab_id = @lab AND project = @project AND plan = @plan ORDER BY version DESC LIMIT 1
            """, lab, project, plan);
        return await ReadOneAsync(command, plan);
    }

    public async Task<PlanSnapshot?> GetAsync(string lab, string project, string plan, int version)
    {
        await using var command = Command("""
            SELECT version, settings::text, author, saved_at, comment, fingerprint_id FROM plan_version
             WHERE lab_id = @lab AND project = @project AND plan = @plan AND version = @version
            """, lab, project, plan);
        command.Parameters.AddWithValue("version", version);
        return await ReadOneAsync(command, plan);
    }

    public async Task<IReadOnlyList<PlanVersionSummary>> ListAsync(string lab, string project, string plan)
    {
        await using var command = Command("""
            SELECT version, author, saved_at, comment FROM plan_version
             WHERE lab_id = @lab AND project = @project AND plan = @plan ORDER BY version DESC
            """, lab, project, plan);
        var versions = new List<PlanVersionSummary>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            versions.Add(new PlanVersionSummary(reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return versions;
    }

    /// <summary>Every plan of a project with its latest version (without settings), by name: the project's plan list.</summary>
    public async Task<IReadOnlyList<PlanHead>> HeadsAsync(string lab, string project)
    {
        await using var command = database.CreateCommand("""
            SELECT DISTINCT ON (plan) plan, version, author, saved_at, comment FROM plan_version
             WHERE lab_id = @lab AND project = @project ORDER BY plan, version DESC
            """);
        command.Parameters.AddWithValue("lab", lab);
        command.Parameters.AddWithValue("project", project);
        var heads = new List<PlanHead>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            heads.Add(new PlanHead(reader.GetString(0), new PlanVersionSummary(reader.GetInt32(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetString(4))));
        return heads;
    }

    /// <summary>Inserts a version; false when that version number exists already (someone saved first).</summary>
    public async Task<bool> TryInsertAsync(string lab, string project, PlanSnapshot snapshot)
    {
        await using var command = Command("""
            INSERT INTO plan_version (lab_id, project, plan, version, settings, author, saved_at, comment, fingerprint_id)
            VALUES (@lab, @project, @plan, @version, @settings::jsonb, @author, @saved, @comment, @fingerprint)
            ON CONFLICT (lab_id, project, plan, version) DO NOTHING
            """, lab, project, snapshot.Name);
        command.Parameters.AddWithValue("version", snapshot.Version);
        command.Parameters.AddWithValue("settings", PlanJson.Serialize(snapshot.Settings));
        command.Parameters.AddWithValue("author", snapshot.Author);
        command.Parameters.AddWithValue("saved", snapshot.SavedAt);
        command.Parameters.AddWithValue("comment", (object?)snapshot.Comment ?? DBNull.Value);
        command.Parameters.AddWithValue("fingerprint", (object?)snapshot.FingerprintId ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>
    /// Records <paramref name="fingerprintId"/> with a version that has none (its first use); returns the version's
    /// fingerprint afterwards, which is the one recorded first when two runs pin at once.
    /// </summary>
    public async Task<long?> PinFingerprintAsync(string lab, string project, string plan, int version, long fingerprintId)
    {
        await using (var update = Command("""
            UPDATE plan_version SET fingerprint_id = @fingerprint
             WHERE lab_id = @lab AND project = @project AND plan = @plan AND version = @version AND fingerprint_id IS NULL
            """, lab, project, plan))
        {
            update.Parameters.AddWithValue("version", version);
            update.Parameters.AddWithValue("fingerprint", fingerprintId);
            await update.ExecuteNonQueryAsync();
        }

        // A separate statement: it sees the row as committed by whichever update won.
        await using var read = Command("SELECT fingerprint_id FROM plan_version WHERE lab_id = @lab AND project = @project AND plan = @plan AND version = @version", lab, project, plan);
        read.Parameters.AddWithValue("version", version);
        return await read.ExecuteScalarAsync() is long id ? id : null;
    }

    private NpgsqlCommand Command(string sql, string lab, string project, string plan)
    {
        var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("lab", lab);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("plan", plan);
        return command;
    }

    private static async Task<PlanSnapshot?> ReadOneAsync(NpgsqlCommand command, string plan)
    {
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            return null;
        return new PlanSnapshot(plan, reader.GetInt32(0), PlanJson.Deserialize(reader.GetString(1)), reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetInt64(5));
    }
}
