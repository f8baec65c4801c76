using Microsoft.Extensions.Logging;
using Orleans.Placement;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.CrossValidation;
using Platform.Grains.Scheduling.Placement;

namespace Platform.Grains.Scheduling;

/// <summary>
/// A cross-validation's evaluation on one training slot of one silo: the placement filters put it on the silo its
/// key names, and only if that silo can train (the ensemble predicts on the device a training would use). It runs
/// <see cref="CrossValidationEvaluationExecutor"/> and tells the cross-validation how it ended.
/// </summary>
[TrainingSiloPlacementFilter(order: 1)]
[SiloInKeyPlacementFilter(order: 2)]
[RandomPlacement]
public sealed partial class EvaluationWorkerGrain(
    CrossValidationEvaluationExecutor executor,
    ILogger<EvaluationWorkerGrain> logger) : ScheduledJobWorker(logger), IEvaluationWorkerGrain
{
    protected override WorkKind Kind => WorkKind.Evaluation;

    protected override async Task<bool> RunJobAsync(WorkerAssignment assignment, CancellationToken cancellationToken)
    {
        var owner = GrainFactory.GetGrain<ICrossValidationGrain>(assignment.RunKey);
        var jobId = assignment.JobId!;
        var job = await owner.GetEvaluationJobAsync(jobId);
        if (job is null)
            return false; // settled meanwhile: nothing to do

        EvaluationOutcome outcome;
        try
        {
            var result = await Task.Run(() => executor.RunAsync(assignment.RunKey, job, cancellationToken), CancellationToken.None);
            outcome = new EvaluationOutcome(result, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping: back to the queue, to start over elsewhere.
            if (!CancelRequested)
                return true;
            outcome = new EvaluationOutcome(null, null, Cancelled: true);
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception, assignment.RunKey, WorkerKey);
            outcome = new EvaluationOutcome(null, $"Evaluating the folds failed: {exception.Message}");
        }

        await owner.FinishEvaluationAsync(jobId, outcome);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Cross-validation {OwnerKey} failed while evaluating on {Worker}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string ownerKey, string worker);
}
