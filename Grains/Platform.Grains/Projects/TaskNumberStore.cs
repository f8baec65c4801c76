using Npgsql;
using Platform.Plans.Tasks;

namespace Platform.Grains.Projects;

/// <summary>
/// The Asparagus task numbers taken in each lab (table project_task_number, migration 0017). The primary key makes a
/// claim atomic: of two projects claiming the same kind and number at once, exactly one row is written.
/// </summary>
public sealed class TaskNumberStore(NpgsqlDataSource database)
{
    /// <summary>Claims the task's number for <paramref name="project"/> and returns the project that holds it (this one, or the one that was first).</summary>
    public async Task<string> ClaimAsync(string lab, AsparagusTaskName task, string project)
    {
        // Two statements: the second reads with a snapshot taken after the insert, so it sees a row another creation
        // committed while this insert waited on it (one statement's snapshot would not).
        await using (var insert = Command("""
            INSERT INTO project_task_number (lab_id, kind, number, project) VALUES ($1, $2, $3, $4)
            ON CONFLICT (lab_id, kind, number) DO NOTHING
            """, lab, task, project))
            await insert.ExecuteNonQueryAsync();
        await using var owner = Command("SELECT project FROM project_task_number WHERE lab_id = $1 AND kind = $2 AND number = $3", lab, task, null);
        return (string)(await owner.ExecuteScalarAsync())!;
    }

    private NpgsqlCommand Command(string sql, string lab, AsparagusTaskName task, string? project)
    {
        var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = lab });
        command.Parameters.Add(new NpgsqlParameter { Value = (short)task.Kind });
        command.Parameters.Add(new NpgsqlParameter { Value = (short)task.Number });
        if (project is not null)
            command.Parameters.Add(new NpgsqlParameter { Value = project });
        return command;
    }
}
