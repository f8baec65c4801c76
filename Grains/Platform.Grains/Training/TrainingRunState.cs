using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Training;

/// <summary>
/// Stored shape of a run (System.Text.Json): add members with defaults, never rename. Metric history is one
/// entry per epoch (at most the plan's epochs, a thousand by default), small enough for grain state.
/// </summary>
public sealed record TrainingRunState
{
    public RunRequest? Request { get; init; }
    public RunState State { get; init; }
    public string SoftwareVersion { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public List<RunTransition> History { get; init; } = [];
    public List<EpochMetrics> Metrics { get; init; } = [];
    public CheckpointRecord? LastCheckpoint { get; init; }
    public RunResultSummary? Result { get; init; }

    /// <summary>How many epochs the plan version trains, read at creation; null in runs stored before it was kept.</summary>
    public int? PlanEpochs { get; init; }

    /// <summary>The dataset it trains on, recorded once when first placed (see <see cref="TrainingRunGrain.ResolveDatasetAsync"/>).</summary>
    public RunDataset? Dataset { get; init; }

    /// <summary>The seed the run trains with, resolved from its plan version and request when created; null for older runs.</summary>
    public long? TrainingSeed { get; init; }

    /// <summary>When a person asked the running training to pause (it stops at the end of its epoch); null when no pause is pending.</summary>
    public DateTimeOffset? PauseRequestedAt { get; init; }

    // preparation and iterations: what a preparing run waits for and where a running one is within its epoch, kept in
    // memory by the grain (they change every few seconds).
    public RunSnapshot ToSnapshot(string runId, RunPreparation? preparation = null, RunIterations? iterations = null) =>
        new(runId, Request!, State, SoftwareVersion, CreatedAt, CreatedBy, History.ToList(), Metrics.ToList(), LastCheckpoint, Result,
            Dataset, State == RunState.Preparing ? preparation : null, TrainingSeed,
            State == RunState.Running ? iterations : null, PauseRequestedAt is not null && State == RunState.Running);
}
