using Platform.Grains.Abstractions.Training;

namespace Platform.WebUI.Components.Runs;

/// <summary>
/// Folds live pushes into the run a page shows, the way the run grain records them, so pushed figures and
/// re-read snapshots agree.
/// </summary>
public static class RunSnapshotUpdates
{
    /// <summary>Adds a pushed epoch. A run resumed from a checkpoint repeats later epochs: the newer figures replace the older from there on.</summary>
    public static RunSnapshot WithEpoch(RunSnapshot run, EpochMetrics epoch) =>
        run with { Metrics = [.. run.Metrics.Where(m => m.Epoch < epoch.Epoch), epoch] };

    /// <summary>
    /// Shows a pushed state at once; its transition (who, when) arrives with the next re-read. Leaving Running ends the
    /// progress within the epoch and a pending pause, as on the grain.
    /// </summary>
    public static RunSnapshot WithState(RunSnapshot run, RunState state) => state == RunState.Running
        ? run with { State = state }
        : run with { State = state, Iterations = null, PauseRequested = false };

    /// <summary>Shows where a running training is within its epoch.</summary>
    public static RunSnapshot WithIterations(RunSnapshot run, RunIterations iterations) =>
        run.State == RunState.Running ? run with { Iterations = iterations } : run;

    /// <summary>
    /// A re-read snapshot is the truth, except that epochs pushed after it was read (numbered past its last one)
    /// are kept rather than flickering away until the next re-read.
    /// </summary>
    public static RunSnapshot WithRefresh(RunSnapshot shown, RunSnapshot fresh)
    {
        var last = fresh.Metrics.Count == 0 ? -1 : fresh.Metrics.Max(m => m.Epoch);
        var newer = shown.Metrics.Where(m => m.Epoch > last).ToList();
        return newer.Count == 0 ? fresh : fresh with { Metrics = [.. fresh.Metrics, .. newer] };
    }
}
