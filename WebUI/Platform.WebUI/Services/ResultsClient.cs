using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Results;

namespace Platform.WebUI.Services;

/// <summary>What the results pages need of runs and cross-validations, through the grain API (all viewer-level reads).</summary>
public sealed class ResultsClient(IClusterClient cluster, ProjectListsClient lists)
{
    public Task<ProjectSummary?> GetProjectAsync(string labId, string project) =>
        cluster.GetGrain<IProjectGrain>(GrainKeys.Project(labId, project)).GetAsync();

    public Task<RunSnapshot?> GetRunAsync(string labId, string project, string runId) => Run(labId, project, runId).GetAsync();

    /// <summary>Dice per case and label in native space; empty until the run completed.</summary>
    public Task<IReadOnlyList<CaseScore>> GetScoresAsync(string labId, string project, string runId) => Run(labId, project, runId).GetScoresAsync();

    /// <summary>A classification or regression run's predictions and figures; null for segmentation runs and until the run completed.</summary>
    public Task<RunTargetResults?> GetTargetResultsAsync(string labId, string project, string runId) => Run(labId, project, runId).GetTargetResultsAsync();

    public Task<CrossValidationSnapshot?> GetCrossValidationAsync(string labId, string project, string name) =>
        cluster.GetGrain<ICrossValidationGrain>(GrainKeys.CrossValidation(labId, project, name)).GetAsync();

    /// <summary>Every completed run of the project, newest first, from the project's run list (no run is asked).</summary>
    public Task<IReadOnlyList<ProjectItem>> ListCompletedRunsAsync(string labId, string project) =>
        lists.AllAsync(labId, project, new ProjectItemQuery(ProjectItemKind.Run, States: [nameof(RunState.Completed)]));

    /// <summary>Every completed cross-validation of the project, newest first, from the project's list.</summary>
    public Task<IReadOnlyList<ProjectItem>> ListCompletedCrossValidationsAsync(string labId, string project) =>
        lists.AllAsync(labId, project, new ProjectItemQuery(ProjectItemKind.CrossValidation, States: [nameof(CrossValidationState.Completed)]));

    /// <summary>
    /// A cross-validation's per-case scores, fold by fold in fold order, each from its own fold's run (every validation
    /// case scored by the model that did not train on it). Folds without scores yet are left out, so results show up
    /// as folds complete.
    /// </summary>
    public async Task<IReadOnlyList<FoldScores>> GetFoldScoresAsync(string labId, string project, CrossValidationSnapshot crossValidation)
    {
        var folds = new List<FoldScores>();
        foreach (var fold in crossValidation.Folds.Where(f => f.State == RunState.Completed).OrderBy(f => f.Fold))
        {
            var runId = GrainKeys.Parse(fold.RunKey).Name;
            var scores = await GetScoresAsync(labId, project, runId);
            if (scores.Count > 0)
                folds.Add(new FoldScores(fold.Fold, runId, scores));
        }

        return folds;
    }

    private ITrainingRunGrain Run(string labId, string project, string runId) =>
        cluster.GetGrain<ITrainingRunGrain>(GrainKeys.Run(labId, project, runId));
}
