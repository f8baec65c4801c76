using Orleans.Concurrency;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.CrossValidation;

/// <summary>
/// Cross-validation of a plan version as one action: one training run per fold of a split, followed to the end,
/// then every validation case scored by its own fold's model, postprocessing chosen on all of them, and the
/// split's held-out test cases predicted by the ensemble of the folds. Keyed by <see cref="GrainKeys.CrossValidation"/>.
/// </summary>
[Alias("Platform.Grains.Abstractions.CrossValidation.ICrossValidationGrain")]
public interface ICrossValidationGrain : IGrainWithStringKey
{
    /// <summary>Creates one run per fold of the split and follows them. A cross-validation starts once.</summary>
    [Alias("StartAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<CrossValidationSnapshot> StartAsync(CrossValidationRequest request);

    /// <summary>Progress per fold and overall, and the result once completed; null when never started.</summary>
    [Alias("GetAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<CrossValidationSnapshot?> GetAsync();

    /// <summary>Cancels the folds' unfinished runs; the cross-validation becomes Cancelled.</summary>
    [Alias("CancelAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<CrossValidationSnapshot> CancelAsync();

    /// <summary>The evaluation job <paramref name="jobId"/> for its worker; null when it no longer runs. Interleaves, like the outcome.</summary>
    [Alias("GetEvaluationJobAsync"), GrainToGrainOnly, AlwaysInterleave]
    Task<EvaluationJob?> GetEvaluationJobAsync(string jobId);

    /// <summary>A worker's (or, for a lost silo, the scheduler's) word on how evaluation <paramref name="jobId"/> ended.</summary>
    [Alias("FinishEvaluationAsync"), GrainToGrainOnly, AlwaysInterleave]
    Task FinishEvaluationAsync(string jobId, EvaluationOutcome outcome);

    /// <summary>
    /// Writes this cross-validation's row of the project's list now. The project grain calls it once for items started before
    /// the list was a table; it interleaves, so a grain busy calling the project cannot deadlock with it.
    /// </summary>
    [Alias("IndexAsync"), GrainToGrainOnly, AlwaysInterleave]
    Task IndexAsync();
}
