using System.Collections.Concurrent;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Training.Execution;

namespace Platform.Grains.Tests.Scheduling;

/// <summary>
/// What the gated executors of several in-process silos share: which run started on which silo, how many ran at
/// once on each silo, and a gate per run that the test opens to let that run complete.
/// </summary>
public sealed class TrainingGateBoard
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, int> _runningPerSilo = new();
    private readonly object _lock = new();

    public ConcurrentDictionary<string, string> SiloOfRun { get; } = new();
    public ConcurrentDictionary<string, int> MaxRunningPerSilo { get; } = new();

    public Task GateOf(string runKey) => _gates.GetOrAdd(runKey, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Open(string runKey) => _gates.GetOrAdd(runKey, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public void Started(string runKey, string silo)
    {
        SiloOfRun[runKey] = silo;
        lock (_lock)
        {
            var now = _runningPerSilo.AddOrUpdate(silo, 1, (_, n) => n + 1);
            MaxRunningPerSilo.AddOrUpdate(silo, now, (_, max) => Math.Max(max, now));
        }
    }

    public void Ended(string silo) => _runningPerSilo.AddOrUpdate(silo, 0, (_, n) => n - 1);
}

/// <summary>A test double of the training engine: reports one epoch, then holds the slot until the test opens the run's gate.</summary>
public sealed class GatedTrainingExecutor(TrainingGateBoard board, ILocalSiloDetails silo) : ITrainingExecutor
{
    public async Task<TrainingOutcome> RunAsync(TrainingAssignment assignment, ITrainingProgressSink progress, CancellationToken cancellationToken)
    {
        var name = silo.SiloAddress.ToParsableString();
        board.Started(assignment.RunKey, name);
        try
        {
            await progress.StartedAsync(0, 2);
            await progress.EpochCompletedAsync(new EpochMetrics(0, 0.5, null, new Dictionary<int, double>(), 0.01, 60), 2);
            await board.GateOf(assignment.RunKey).WaitAsync(cancellationToken);
            return TrainingOutcome.Completed(new RunResultSummary(2, new Dictionary<string, double>(), null, $"gated run on {name}"));
        }
        finally
        {
            board.Ended(name);
        }
    }
}
