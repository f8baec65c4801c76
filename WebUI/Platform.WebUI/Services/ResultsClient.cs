using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Training;

namespace Platform.WebUI.Services;

/// <summary>What the results pages need of runs and cross-validations, through the grain API (all viewer-level reads).</summary>
public sealed class ResultsClient(IClusterClient cluster)
{
    public Task<ProjectSummary?> GetProjectAsync(string labId, string project) =>
        cluster.GetGrain<IProjectGrain>(GrainKeys.Project(labId, project)).GetAsync();

    public Task<RunSnapshot?> GetRunAsync(string labId, string project, string runId) => Run(labId, project, runId).GetAsync();

    /// <summary>Dice per case and label in native space; empty until the run completed.</summary>
    public Task<IReadOnlyList<CaseScore>> GetScoresAsync(string labId, string project, string runId) => Run(labId, project, runId).GetScoresAsync();

    public Task<CrossValidationSnapshot?> GetCrossValidationAsync(string labId, string project, string name) =>
        cluster.GetGrain<ICrossValidationGrain>(GrainKeys.CrossValidation(labId, project, name)).GetAsync();

    /// <summary>Every run of the project, newest first (runs that vanished are left out).</summary>
    public async Task<IReadOnlyList<RunSnapshot>> ListRunsAsync(string labId, string project)
    {
        var summary = await GetProjectAsync(labId, project);
        if (summary is null)
            return [];
        var runs = await Task.WhenAll(summary.Runs.Select(id => GetRunAsync(labId, project, id)));
        return [.. runs.OfType<RunSnapshot>().OrderByDescending(r => r.CreatedAt)];
    }

    private ITrainingRunGrain Run(string labId, string project, string runId) =>
        cluster.GetGrain<ITrainingRunGrain>(GrainKeys.Run(labId, project, runId));
}
