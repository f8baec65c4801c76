using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.Training;

/// <summary>
/// One training run: a plan version on a fold, with its state history and metric history. Keyed by
/// <see cref="GrainKeys.Run"/>. People create, pause, resume and cancel runs; the training machinery
/// (other grains) reports preparation, progress and the outcome.
/// </summary>
[Alias("Platform.Grains.Abstractions.Training.ITrainingRunGrain")]
public interface ITrainingRunGrain : IGrainWithStringKey
{
    /// <summary>Creates the run, queued. Checks the plan version exists and the project accepts runs.</summary>
    [Alias("CreateAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<RunSnapshot> CreateAsync(RunRequest request);

    [Alias("GetAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<RunSnapshot?> GetAsync();

    [Alias("PauseAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<RunSnapshot> PauseAsync();

    /// <summary>A paused run goes back to the queue; it continues from its last checkpoint when placed.</summary>
    [Alias("ResumeAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<RunSnapshot> ResumeAsync();

    [Alias("CancelAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<RunSnapshot> CancelAsync(string? reason);

    [Alias("MoveAsync"), GrainToGrainOnly]
    Task<RunSnapshot> MoveAsync(RunState to, string? reason);

    [Alias("RecordEpochAsync"), GrainToGrainOnly]
    Task RecordEpochAsync(EpochMetrics metrics);
}
