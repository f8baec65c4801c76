using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Training.Execution;

/// <summary>
/// What a silo's training executor trains: the run (key, lab, project, id), what its request names (plan
/// version, fold, seed, split), where to keep checkpoints, and whether there is one to resume from.
/// </summary>
/// <remarks>WorkFolder: Absolute folder for this run's checkpoints and logs, the same on every silo (under the shared work root).<br/>
/// Attempt: 1 for the first placement; higher when the run was placed again (paused and resumed, or its silo was lost).<br/>
/// LastCheckpoint: The last checkpoint the run recorded (path relative to the data root), null when it has none: the executor decides how to resume.</remarks>
public sealed record TrainingAssignment(
    string RunKey,
    string Lab,
    string Project,
    string RunId,
    RunRequest Request,
    string WorkFolder,
    int Attempt,
    CheckpointRecord? LastCheckpoint);
