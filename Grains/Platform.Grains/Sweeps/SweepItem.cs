using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Sweeps;

namespace Platform.Grains.Sweeps;

/// <summary>A sweep's row in the project's list, from its stored record and its best trial.</summary>
public static class SweepItem
{
    public static ProjectItem From(string name, SweepRecord sweep, int? bestTrial)
    {
        var request = sweep.Request ?? throw new InvalidOperationException($"Sweep '{name}' has not been started.");
        return new ProjectItem(
            ProjectItemKind.Sweep, name, request.BasePlan, request.BasePlanVersion, request.Fold, request.SplitName,
            sweep.State.ToString(),
            Active: sweep.State == SweepState.Running,
            sweep.StartedAt, sweep.StartedBy, sweep.StartedAt, sweep.FinishedAt,
            EpochsDone: sweep.Trials.Sum(t => t.EpochsReached),
            // A trial stopped early never trains its full budget, so there is no meaningful total.
            EpochsTotal: null,
            PartsDone: sweep.Trials.Count(t => t.IsFinished),
            Parts: sweep.Trials.Count,
            BestScore: sweep.Trials.FirstOrDefault(t => t.Number == bestTrial)?.BestMetric,
            Note: null);
    }
}
