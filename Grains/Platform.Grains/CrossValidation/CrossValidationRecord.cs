using Platform.Grains.Abstractions.CrossValidation;

namespace Platform.Grains.CrossValidation;

/// <summary>The stored state of a cross-validation: the request, its folds' runs, and the outcome once there is one.</summary>
public sealed record CrossValidationRecord
{
    public CrossValidationRequest? Request { get; init; }
    public CrossValidationState State { get; init; }
    public List<FoldRunRecord> Folds { get; init; } = [];
    public List<string> TestCases { get; init; } = [];
    public int TotalEpochs { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public string StartedBy { get; init; } = "";
    public DateTimeOffset? FinishedAt { get; init; }
    public string? Error { get; init; }
    public CrossValidationResult? Result { get; init; }

    /// <summary>The project's task, read at the start (records older than task kinds are segmentation).</summary>
    public Platform.Plans.Tasks.TaskKind Kind { get; init; }

    /// <summary>The evaluation job handed to the scheduler (new for each; a late word from another changes nothing).</summary>
    public string? EvaluationJobId { get; init; }
}

/// <summary>A fold's run and what was last seen of it (kept so progress reads need no call to the run).</summary>
public sealed record FoldRunRecord(int Fold, string RunId, string RunKey)
{
    public Abstractions.Training.RunState State { get; init; }
    public int EpochsDone { get; init; }
    public string? Reason { get; init; }
    public string? FinalCheckpoint { get; init; }

    /// <summary>The dataset the fold's run recorded: the evaluation reads this one, never one resolved again.</summary>
    public Abstractions.Training.RunDataset? Dataset { get; init; }
}
