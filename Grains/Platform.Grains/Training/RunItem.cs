using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Sweeps;

namespace Platform.Grains.Training;

/// <summary>A run's row in the project's run list, from its state alone.</summary>
public static class RunItem
{
    /// <summary><paramref name="planEpochs"/> is how many epochs the plan version trains (null when unknown).</summary>
    public static ProjectItem From(string runId, TrainingRunState run, int? planEpochs)
    {
        var request = run.Request ?? throw new InvalidOperationException($"Run '{runId}' has not been created.");
        var ema = Asha.PseudoDiceEma(run.Metrics).Where(double.IsFinite).ToList();
        return new ProjectItem(
            ProjectItemKind.Run, runId, request.PlanName, request.PlanVersion, request.Fold, request.SplitName,
            run.State.ToString(),
            Active: run.State is RunState.Queued or RunState.Preparing or RunState.Running,
            run.CreatedAt, run.CreatedBy,
            StartedAt: run.History.FirstOrDefault(h => h.To == RunState.Running)?.At,
            FinishedAt: RunStateMachine.IsFinal(run.State) && run.History.Count > 0 ? run.History[^1].At : null,
            EpochsDone: RunEpochs.Done(run.Metrics),
            EpochsTotal: planEpochs,
            PartsDone: 0, Parts: 0,
            // nnU-Net keeps the checkpoint of the best EMA pseudo-Dice; the list shows that figure.
            BestScore: ema.Count == 0 ? null : ema.Max(),
            Note: run.History.Count > 0 ? run.History[^1].Reason : null);
    }
}
