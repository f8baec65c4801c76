namespace Platform.Grains.Training.Execution;

/// <summary>
/// The training engine as a silo's worker sees it. Runs outside any grain turn. Cancellation means stop soon
/// (the worker cancels after a checkpoint for a pause, at once for a cancel or a stopping silo): throw
/// <see cref="OperationCanceledException"/> or return <see cref="TrainingOutcome.Stopped"/>.
/// </summary>
public interface ITrainingExecutor
{
    Task<TrainingOutcome> RunAsync(TrainingAssignment assignment, ITrainingProgressSink progress, CancellationToken cancellationToken);
}
