using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Sweeps;
using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Abstractions.Projects;

/// <summary>What a project trains, as its lists show it.</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.Projects.ProjectItemKind")]
public enum ProjectItemKind { Run = 0, CrossValidation = 1, Sweep = 2 }

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Projects.ProjectItemSort")]
public enum ProjectItemSort { CreatedAt = 0, Name = 1, State = 2, Plan = 3, FinishedAt = 4, BestScore = 5, UpdatedAt = 6 }

/// <summary>
/// One row of a project's list of runs, cross-validations or sweeps, written by the item's own grain on every change.
/// <paramref name="State"/> is the name of the owner's state (<see cref="RunState"/>, <see cref="CrossValidationState"/>,
/// <see cref="SweepState"/>); <paramref name="Active"/> whether it still changes by itself. Epochs are a run's epochs
/// (summed over folds for a cross-validation, over trials for a sweep); parts are a cross-validation's folds or a
/// sweep's trials (done / all; 0 for a run). <paramref name="BestScore"/> is higher-is-better: a run's best EMA
/// pseudo-Dice (nnU-Net's checkpoint criterion), a cross-validation's mean validation Dice once evaluated, a sweep's
/// best trial metric. <paramref name="Note"/> is the last reason or error, for people.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Projects.ProjectItem")]
public sealed record ProjectItem(
    [property: Id(0)] ProjectItemKind Kind,
    [property: Id(1)] string Name,
    [property: Id(2)] string PlanName,
    [property: Id(3)] int PlanVersion,
    [property: Id(4)] int? Fold,
    [property: Id(5)] string? SplitName,
    [property: Id(6)] string State,
    [property: Id(7)] bool Active,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] string CreatedBy,
    [property: Id(10)] DateTimeOffset? StartedAt,
    [property: Id(11)] DateTimeOffset? FinishedAt,
    [property: Id(12)] int EpochsDone,
    [property: Id(13)] int? EpochsTotal,
    [property: Id(14)] int PartsDone,
    [property: Id(15)] int Parts,
    [property: Id(16)] double? BestScore,
    [property: Id(17)] string? Note,
    [property: Id(18)] DateTimeOffset UpdatedAt = default)
{
    /// <summary>The run state of a run's row (null for another kind or an unknown name).</summary>
    public RunState? RunStateOrNull => Kind == ProjectItemKind.Run && Enum.TryParse<RunState>(State, out var state) ? state : null;
}

/// <summary>
/// A page request over one kind: 0-based page of at most <see cref="MaxPageSize"/> rows, newest first by default;
/// optionally only rows in one of <paramref name="States"/> (state names) or of one plan.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Projects.ProjectItemQuery")]
public sealed record ProjectItemQuery(
    [property: Id(0)] ProjectItemKind Kind,
    [property: Id(1)] int Page = 0,
    [property: Id(2)] int PageSize = 50,
    [property: Id(3)] ProjectItemSort SortBy = ProjectItemSort.CreatedAt,
    [property: Id(4)] bool Descending = true,
    [property: Id(5)] IReadOnlyList<string>? States = null,
    [property: Id(6)] string? PlanName = null)
{
    public const int MaxPageSize = 500;

    /// <summary>The state names a query of <paramref name="kind"/> may filter on.</summary>
    public static IReadOnlyList<string> StatesOf(ProjectItemKind kind) => kind switch
    {
        ProjectItemKind.Run => Enum.GetNames<RunState>(),
        ProjectItemKind.CrossValidation => Enum.GetNames<CrossValidationState>(),
        _ => Enum.GetNames<SweepState>(),
    };
}

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Projects.ProjectItemPage")]
public sealed record ProjectItemPage(
    [property: Id(0)] IReadOnlyList<ProjectItem> Items,
    [property: Id(1)] long Total,
    [property: Id(2)] ProjectItemQuery Query);
