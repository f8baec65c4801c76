namespace Platform.Grains.Training.Execution;

/// <summary>The executor of a silo with no engine wired in: every run placed there fails with a reason that says so.</summary>
public sealed class NoTrainingEngineExecutor : ITrainingExecutor
{
    /// <summary>The <c>Platform:Training:Executor</c> value that chooses it.</summary>
    public const string Name = "none";

    public const string Reason = "no training engine registered on this silo";

    public Task<TrainingOutcome> RunAsync(TrainingAssignment assignment, ITrainingProgressSink progress, CancellationToken cancellationToken) =>
        Task.FromResult(TrainingOutcome.Failed($"{Reason} (run {assignment.RunKey})"));
}
