using Microsoft.Extensions.Logging;
using Orleans.Placement;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Predictions;
using Platform.Grains.Scheduling.Placement;

namespace Platform.Grains.Scheduling;

/// <summary>
/// A prediction job on one training slot of one silo: the placement filters put it on the silo its key names, and only
/// if that silo can train (the model predicts on the device a training would use). It runs
/// <see cref="PredictionJobExecutor"/>, reports the cases done (at most ten times a second) and tells the prediction
/// how it ended. Placed again after a lost silo, the job skips the cases already written.
/// </summary>
[TrainingSiloPlacementFilter(order: 1)]
[SiloInKeyPlacementFilter(order: 2)]
[RandomPlacement]
public sealed partial class PredictionWorkerGrain(
    PredictionJobExecutor executor,
    ILogger<PredictionWorkerGrain> logger) : ScheduledJobWorker(logger), IPredictionWorkerGrain
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    private volatile PredictionProgress? _latest;
    private PredictionProgress? _reported;

    protected override WorkKind Kind => WorkKind.Prediction;

    protected override async Task<bool> RunJobAsync(WorkerAssignment assignment, CancellationToken cancellationToken)
    {
        var owner = GrainFactory.GetGrain<IPredictionGrain>(assignment.RunKey);
        var jobId = assignment.JobId!;
        var job = await owner.GetJobAsync(jobId);
        if (job is null)
            return false; // settled meanwhile: nothing to do

        _latest = null;
        _reported = null;
        using var reporter = this.RegisterGrainTimer(ct => ReportProgressAsync(owner, jobId), new GrainTimerCreationOptions(ProgressInterval, ProgressInterval));
        PredictionOutcome outcome;
        try
        {
            outcome = await Task.Run(() => executor.Run(assignment.RunKey, job, new Progress(p => _latest = p), cancellationToken), CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping: back to the queue, to go on elsewhere from the cases written.
            if (!CancelRequested)
                return true;
            outcome = new PredictionOutcome(PredictionState.Cancelled, _latest?.Finished ?? [], null);
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception, assignment.RunKey, WorkerKey);
            outcome = new PredictionOutcome(PredictionState.Failed, _latest?.Finished ?? [], $"{exception.GetType().Name} on {WorkerKey}: {exception.Message}");
        }

        await owner.FinishJobAsync(jobId, outcome);
        return false;
    }

    private async Task ReportProgressAsync(IPredictionGrain owner, string jobId)
    {
        var latest = _latest;
        if (latest is null || ReferenceEquals(latest, _reported))
            return;
        _reported = latest;
        await owner.ReportJobProgressAsync(jobId, latest);
    }

    /// <summary>Keeps the latest report; the executor reports from a thread-pool thread.</summary>
    private sealed class Progress(Action<PredictionProgress> report) : IProgress<PredictionProgress>
    {
        public void Report(PredictionProgress value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Prediction {OwnerKey} failed on {Worker}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string ownerKey, string worker);
}
