using Npgsql;
using Platform.Grains.Abstractions.Results;

namespace Platform.Grains.Results;

/// <summary>
/// Per-case, per-label scores of runs in run_case_score (migration 0010; surface and lesion figures since 0011,
/// NaN and 0 in rows stored before), replaced as a whole per run.
/// </summary>
public sealed class RunScoreStore(NpgsqlDataSource database)
{
    public async Task ReplaceAsync(string lab, string project, string runId, IReadOnlyList<CaseScore> scores, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = new NpgsqlCommand("DELETE FROM run_case_score WHERE lab_id = @lab AND project = @project AND run_id = @run", connection, transaction))
        {
            AddKey(delete, lab, project, runId);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = new NpgsqlCommand("""
            INSERT INTO run_case_score (lab_id, project, run_id, case_id, label, dice, iou, true_positives, false_positives,
                                        false_negatives, predicted_voxels, reference_voxels, hd95_mm, surface_dice, lesion_dice,
                                        reference_lesions, detected_lesions, predicted_lesions, matched_predictions)
            SELECT @lab, @project, @run, c, l, d, i, tp, fp, fn, pv, rv, hd, sd, ld, rl, dl, pl, mp
              FROM unnest(@cases, @labels, @dice, @iou, @tp, @fp, @fn, @pv, @rv, @hd, @sd, @ld, @rl, @dl, @pl, @mp)
                   AS r(c, l, d, i, tp, fp, fn, pv, rv, hd, sd, ld, rl, dl, pl, mp)
            """, connection, transaction))
        {
            AddKey(insert, lab, project, runId);
            insert.Parameters.AddWithValue("cases", scores.Select(s => s.CaseId).ToArray());
            insert.Parameters.AddWithValue("labels", scores.Select(s => (short)s.Label).ToArray());
            insert.Parameters.AddWithValue("dice", scores.Select(s => s.Dice).ToArray());
            insert.Parameters.AddWithValue("iou", scores.Select(s => s.IoU).ToArray());
            insert.Parameters.AddWithValue("tp", scores.Select(s => s.TruePositives).ToArray());
            insert.Parameters.AddWithValue("fp", scores.Select(s => s.FalsePositives).ToArray());
            insert.Parameters.AddWithValue("fn", scores.Select(s => s.FalseNegatives).ToArray());
            insert.Parameters.AddWithValue("pv", scores.Select(s => s.PredictedVoxels).ToArray());
            insert.Parameters.AddWithValue("rv", scores.Select(s => s.ReferenceVoxels).ToArray());
            insert.Parameters.AddWithValue("hd", scores.Select(s => s.Hd95Mm).ToArray());
            insert.Parameters.AddWithValue("sd", scores.Select(s => s.SurfaceDice).ToArray());
            insert.Parameters.AddWithValue("ld", scores.Select(s => s.LesionDice).ToArray());
            insert.Parameters.AddWithValue("rl", scores.Select(s => s.ReferenceLesions).ToArray());
            insert.Parameters.AddWithValue("dl", scores.Select(s => s.DetectedLesions).ToArray());
            insert.Parameters.AddWithValue("pl", scores.Select(s => s.PredictedLesions).ToArray());
            insert.Parameters.AddWithValue("mp", scores.Select(s => s.MatchedPredictions).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A run's scores, by case then label.</summary>
    public async Task<IReadOnlyList<CaseScore>> ListAsync(string lab, string project, string runId)
    {
        await using var command = database.CreateCommand("""
            SELECT case_id, label, dice, iou, true_positives, false_positives, false_negatives, predicted_voxels, reference_voxels,
                   hd95_mm, surface_dice, lesion_dice, reference_lesions, detected_lesions, predicted_lesions, matched_predictions
              FROM run_case_score WHERE lab_id = @lab AND project = @project AND run_id = @run ORDER BY case_id, label
            """);
        AddKey(command, lab, project, runId);
        var scores = new List<CaseScore>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            scores.Add(new CaseScore(reader.GetString(0), reader.GetInt16(1), reader.GetDouble(2), reader.GetDouble(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8),
                reader.GetDouble(9), reader.GetDouble(10), reader.GetDouble(11), reader.GetInt32(12), reader.GetInt32(13), reader.GetInt32(14), reader.GetInt32(15)));
        return scores;
    }

    private static void AddKey(NpgsqlCommand command, string lab, string project, string runId)
    {
        command.Parameters.AddWithValue("lab", lab);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("run", runId);
    }
}
