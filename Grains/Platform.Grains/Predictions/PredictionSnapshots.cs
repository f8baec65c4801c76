using Platform.Grains.Abstractions.Predictions;

namespace Platform.Grains.Predictions;

/// <summary>A prediction as callers see it: the stored record, with the running job's latest progress laid over its cases.</summary>
public static class PredictionSnapshots
{
    public static PredictionSnapshot Of(string predictionId, PredictionRecord record, PredictionProgress? progress)
    {
        var running = record.State == PredictionState.Running;
        var reported = running && progress is not null
            ? progress.Finished.ToDictionary(c => c.CaseId, StringComparer.Ordinal)
            : [];
        var cases = record.Cases.Select(c => reported.TryGetValue(c.CaseId, out var r)
            ? new PredictionCaseResult(c.CaseId, c.Datasource, r.Done, r.Error, r.Summary)
            : new PredictionCaseResult(c.CaseId, c.Datasource, c.Done, c.Error, c.Summary)).ToList();
        return new PredictionSnapshot(
            predictionId,
            record.Model,
            record.State,
            cases.Count,
            cases.Count(c => c.Done),
            cases.Count(c => c.Error is not null),
            cases,
            record.Uploads,
            running ? progress?.CurrentCase : null,
            record.Error,
            record.StartedBy,
            record.StartedAt,
            record.FinishedAt,
            record.CancelRequested);
    }

    /// <summary>The record's cases with the outcome of each case the job finished.</summary>
    public static List<PredictionCaseRecord> Settle(IEnumerable<PredictionCaseRecord> cases, IReadOnlyList<PredictionCaseResult> finished)
    {
        var byId = finished.ToDictionary(c => c.CaseId, StringComparer.Ordinal);
        return [.. cases.Select(c => byId.TryGetValue(c.CaseId, out var r) ? c with { Done = r.Done, Error = r.Error, Summary = r.Summary } : c)];
    }
}
