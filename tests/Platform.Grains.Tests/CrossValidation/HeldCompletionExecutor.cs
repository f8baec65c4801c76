using System.Collections.Concurrent;
using Platform.Grains.Engine;
using Platform.Grains.Training.Execution;

namespace Platform.Grains.Tests.CrossValidation;

/// <summary>What the held executors of a test's silos share: the runs that finished training, and the gate that lets them report it.</summary>
public sealed class CompletionGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentDictionary<string, bool> Trained { get; } = new();

    public Task Opened => _open.Task;

    public void Open() => _open.TrySetResult();
}

/// <summary>
/// The real engine, holding a completed training until the test opens the gate: the run stays Running, so the test
/// can change the data between training and the cross-validation's evaluation.
/// </summary>
public sealed class HeldCompletionExecutor(EngineTrainingExecutor engine, CompletionGate gate) : ITrainingExecutor
{
    public async Task<TrainingOutcome> RunAsync(TrainingAssignment assignment, ITrainingProgressSink progress, CancellationToken cancellationToken)
    {
        var outcome = await engine.RunAsync(assignment, progress, cancellationToken);
        if (outcome.Kind != TrainingOutcomeKind.Completed)
            return outcome;
        gate.Trained[assignment.RunKey] = true;
        await gate.Opened.WaitAsync(cancellationToken);
        return outcome;
    }
}
