using Npgsql;
using Platform.Grains.Abstractions.Projects;

namespace Platform.Grains.Projects;

/// <summary>
/// The project_item table (migration 0014): one row per run, cross-validation and sweep, replaced as a whole by its
/// owning grain (so writes are idempotent and the last one wins), read in sorted, filtered pages.
/// </summary>
public sealed class ProjectItemStore(NpgsqlDataSource database)
{
    private const string Columns = """
        kind, name, plan_name, plan_version, fold, split_name, state, active, created_at, created_by, started_at, finished_at,
        epochs_done, epochs_total, parts_done, parts, best_score, note, updated_at
        """;

    public async Task UpsertAsync(string lab, string project, ProjectItem item, CancellationToken cancellationToken = default)
    {
        // created_at keeps the earliest value written, so a repair from a later state cannot move an item in the list.
        await using var command = database.CreateCommand($"""
            INSERT INTO project_item AS i (lab_id, project, {Columns})
            VALUES (@lab, @project, @kind, @name, @plan_name, @plan_version, @fold, @split_name, @state, @active, @created_at, @created_by,
                    @started_at, @finished_at, @epochs_done, @epochs_total, @parts_done, @parts, @best_score, @note, now())
            ON CONFLICT (lab_id, project, kind, name) DO UPDATE
               SET plan_name = EXCLUDED.plan_name, plan_version = EXCLUDED.plan_version, fold = EXCLUDED.fold,
                   split_name = EXCLUDED.split_name, state = EXCLUDED.state, active = EXCLUDED.active,
                   created_at = LEAST(i.created_at, EXCLUDED.created_at), created_by = EXCLUDED.created_by,
                   started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at, epochs_done = EXCLUDED.epochs_done,
                   epochs_total = EXCLUDED.epochs_total, parts_done = EXCLUDED.parts_done, parts = EXCLUDED.parts,
                   best_score = EXCLUDED.best_score, note = EXCLUDED.note, updated_at = now()
            """);
        AddScope(command, lab, project, item.Kind);
        command.Parameters.AddWithValue("name", item.Name);
        command.Parameters.AddWithValue("plan_name", item.PlanName);
        command.Parameters.AddWithValue("plan_version", item.PlanVersion);
        command.Parameters.AddWithValue("fold", (object?)item.Fold ?? DBNull.Value);
        command.Parameters.AddWithValue("split_name", (object?)item.SplitName ?? DBNull.Value);
        command.Parameters.AddWithValue("state", item.State);
        command.Parameters.AddWithValue("active", item.Active);
        command.Parameters.AddWithValue("created_at", item.CreatedAt);
        command.Parameters.AddWithValue("created_by", item.CreatedBy);
        command.Parameters.AddWithValue("started_at", (object?)item.StartedAt ?? DBNull.Value);
        command.Parameters.AddWithValue("finished_at", (object?)item.FinishedAt ?? DBNull.Value);
        command.Parameters.AddWithValue("epochs_done", item.EpochsDone);
        command.Parameters.AddWithValue("epochs_total", (object?)item.EpochsTotal ?? DBNull.Value);
        command.Parameters.AddWithValue("parts_done", item.PartsDone);
        command.Parameters.AddWithValue("parts", item.Parts);
        // A NaN score sorts above every number in PostgreSQL; the list means "none yet".
        command.Parameters.AddWithValue("best_score", item.BestScore is { } score && double.IsFinite(score) ? score : DBNull.Value);
        command.Parameters.AddWithValue("note", (object?)item.Note ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One page of one kind, sorted with the name as tie-breaker (so pages never overlap), and the matching count.</summary>
    public async Task<ProjectItemPage> QueryAsync(string lab, string project, ProjectItemQuery query)
    {
        var order = query.SortBy switch
        {
            ProjectItemSort.Name => "name",
            ProjectItemSort.State => "state",
            ProjectItemSort.Plan => "plan_name",
            ProjectItemSort.FinishedAt => "finished_at",
            ProjectItemSort.BestScore => "best_score",
            ProjectItemSort.UpdatedAt => "updated_at",
            _ => "created_at",
        };
        var direction = query.Descending ? "DESC" : "ASC";
        // Only the nullable columns get a NULLS clause: on the others it would keep the planner off the indexes.
        var nulls = query.SortBy is ProjectItemSort.FinishedAt or ProjectItemSort.BestScore ? "NULLS LAST" : "";
        var filter = Filter(query);
        // Every piece of SQL text below comes from this method's own constants, never from the caller.
        await using var command = database.CreateCommand($"""
            SELECT {Columns} FROM project_item
             WHERE lab_id = @lab AND project = @project AND kind = @kind {filter}
             ORDER BY {order} {direction} {nulls}, name {direction}
             LIMIT @limit OFFSET @offset
            """);
        AddScope(command, lab, project, query.Kind);
        AddFilter(command, query);
        command.Parameters.AddWithValue("limit", query.PageSize);
        command.Parameters.AddWithValue("offset", (long)query.Page * query.PageSize);
        var items = new List<ProjectItem>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                items.Add(Read(reader));
        }

        return new ProjectItemPage(items, await CountAsync(lab, project, query, filter), query);
    }

    private async Task<long> CountAsync(string lab, string project, ProjectItemQuery query, string filter)
    {
        await using var command = database.CreateCommand(
            $"SELECT count(*) FROM project_item WHERE lab_id = @lab AND project = @project AND kind = @kind {filter}");
        AddScope(command, lab, project, query.Kind);
        AddFilter(command, query);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Filter(ProjectItemQuery query) =>
        (query.States is { Count: > 0 } ? " AND state = ANY(@states)" : "")
        + (query.PlanName is null ? "" : " AND plan_name = @plan_name");

    private static void AddFilter(NpgsqlCommand command, ProjectItemQuery query)
    {
        if (query.States is { Count: > 0 } states)
            command.Parameters.AddWithValue("states", states.ToArray());
        if (query.PlanName is { } plan)
            command.Parameters.AddWithValue("plan_name", plan);
    }

    private static void AddScope(NpgsqlCommand command, string lab, string project, ProjectItemKind kind)
    {
        command.Parameters.AddWithValue("lab", lab);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("kind", (short)kind);
    }

    private static ProjectItem Read(NpgsqlDataReader r) => new(
        (ProjectItemKind)r.GetInt16(0), r.GetString(1), r.GetString(2), r.GetInt32(3),
        r.IsDBNull(4) ? null : r.GetInt32(4),
        r.IsDBNull(5) ? null : r.GetString(5),
        r.GetString(6), r.GetBoolean(7), r.GetFieldValue<DateTimeOffset>(8), r.GetString(9),
        r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10),
        r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11),
        r.GetInt32(12), r.IsDBNull(13) ? null : r.GetInt32(13), r.GetInt32(14), r.GetInt32(15),
        r.IsDBNull(16) ? null : r.GetDouble(16),
        r.IsDBNull(17) ? null : r.GetString(17),
        r.GetFieldValue<DateTimeOffset>(18));
}
