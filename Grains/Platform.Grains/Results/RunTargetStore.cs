using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Platform.Plans.Tasks;

namespace Platform.Grains.Results;

/// <summary>
/// The run_target_result table (migration 0018): a classification or regression run's validation predictions beside
/// their targets, one row per run, replaced as a whole in one statement.
/// </summary>
public sealed class RunTargetStore(NpgsqlDataSource database)
{
    /// <summary>A run's stored validation: its kind, class names (classification) and cases.</summary>
    public sealed record Stored(TaskKind Kind, IReadOnlyList<string> ClassNames, IReadOnlyList<CaseTargetResult> Cases);

    private sealed record StoredCase(string C, int? T, int? P, double[] Pr, double? TV, double? PV);

    public async Task ReplaceAsync(string lab, string project, string runId, Stored result, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO run_target_result AS r (lab_id, project, run_id, kind, class_names, cases)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (lab_id, project, run_id) DO UPDATE
               SET kind = EXCLUDED.kind, class_names = EXCLUDED.class_names, cases = EXCLUDED.cases
            """);
        AddKey(command, lab, project, runId);
        command.Parameters.Add(new NpgsqlParameter { Value = (short)result.Kind });
        command.Parameters.Add(new NpgsqlParameter { Value = result.ClassNames.ToArray() });
        var cases = result.Cases.Select(c => new StoredCase(c.CaseId, c.TrueClass, c.PredictedClass, [.. c.Probabilities], c.TrueValue, c.PredictedValue));
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(cases), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The run's validation; null when it stored none (a segmentation run, or one not completed).</summary>
    public async Task<Stored?> GetAsync(string lab, string project, string runId)
    {
        await using var command = database.CreateCommand(
            "SELECT kind, class_names, cases::text FROM run_target_result WHERE lab_id = $1 AND project = $2 AND run_id = $3");
        AddKey(command, lab, project, runId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            return null;
        var cases = (JsonSerializer.Deserialize<List<StoredCase>>(reader.GetString(2)) ?? [])
            .Select(c => new CaseTargetResult(c.C, c.T, c.P, c.Pr, c.TV, c.PV)).ToList();
        return new Stored((TaskKind)reader.GetInt16(0), reader.GetFieldValue<string[]>(1), cases);
    }

    private static void AddKey(NpgsqlCommand command, string lab, string project, string runId)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = lab });
        command.Parameters.Add(new NpgsqlParameter { Value = project });
        command.Parameters.Add(new NpgsqlParameter { Value = runId });
    }
}
