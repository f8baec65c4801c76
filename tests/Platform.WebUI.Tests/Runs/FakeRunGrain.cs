using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;

namespace Platform.WebUI.Tests.Runs;

/// <summary>
/// A run grain that records who called it: each subscribe and read notes the user named by the credential in the
/// caller's request context (verified against the test's clock, as a silo would), or "anonymous" when none was attached.
/// </summary>
internal sealed class FakeRunGrain(RunSnapshot snapshot, TimeProvider clock) : ITrainingRunGrain
{
    public static byte[] SigningKey { get; } = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public List<string> Subscriptions { get; } = [];

    public List<string> Unsubscriptions { get; } = [];

    public List<string> Reads { get; } = [];

    /// <summary>When set, subscribing and reading fail as with an unreachable cluster.</summary>
    public bool Unreachable { get; set; }

    public RunSnapshot Snapshot { get; set; } = snapshot;

    private string Caller() =>
        UserTokens.Verify(RequestContext.Get(CallerCredentials.UserTokenKey) as string, SigningKey, clock.GetUtcNow()) ?? "anonymous";

    public Task SubscribeAsync(IRunProgressObserver observer)
    {
        if (Unreachable)
            throw new TimeoutException("No silo answered.");
        Subscriptions.Add(Caller());
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IRunProgressObserver observer)
    {
        Unsubscriptions.Add(Caller());
        return Task.CompletedTask;
    }

    public Task<RunSnapshot?> GetAsync()
    {
        if (Unreachable)
            throw new TimeoutException("No silo answered.");
        Reads.Add(Caller());
        return Task.FromResult<RunSnapshot?>(Snapshot);
    }

    public Task<RunSnapshot> CreateAsync(RunRequest request) => throw new NotSupportedException();

    public Task<RunSnapshot> CreateForAsync(RunRequest request, string requestedBy) => throw new NotSupportedException();

    public Task<IReadOnlyList<CaseScore>> GetScoresAsync() => throw new NotSupportedException();

    public Task<RunTargetResults?> GetTargetResultsAsync() => throw new NotSupportedException();

    public Task<DataDrift> GetDataDriftAsync() => throw new NotSupportedException();

    public Task<RunDataset> ResolveDatasetAsync() => throw new NotSupportedException();

    public Task ReportPreparationAsync(RunPreparation? preparation) => throw new NotSupportedException();

    public Task ReportIterationsAsync(RunIterations iterations) => throw new NotSupportedException();

    public Task<CasePrediction?> GetPredictionAsync(string caseId) => throw new NotSupportedException();

    public Task<RunSnapshot> PauseAsync() => throw new NotSupportedException();

    public Task<RunSnapshot> ResumeAsync() => throw new NotSupportedException();

    public Task<RunSnapshot> CancelAsync(string? reason) => throw new NotSupportedException();

    public Task<RunSnapshot?> PeekAsync() => throw new NotSupportedException();

    public Task IndexAsync() => throw new NotSupportedException();

    public Task<RunSnapshot> MoveAsync(RunState to, string? reason) => throw new NotSupportedException();

    public Task RecordEpochAsync(EpochMetrics metrics) => throw new NotSupportedException();

    public Task RecordCheckpointAsync(CheckpointRecord checkpoint) => throw new NotSupportedException();

    public Task<RunSnapshot> CompleteAsync(RunResultSummary result) => throw new NotSupportedException();
}
