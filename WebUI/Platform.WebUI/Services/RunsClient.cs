using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;

namespace Platform.WebUI.Services;

/// <summary>What the run pages need of training runs, cross-validations and the queue, through the grain API.</summary>
public sealed class RunsClient(IClusterClient cluster, TimeProvider clock)
{
    /// <summary>Creates a run under a fresh readable id (see <see cref="RunIds"/>) and queues it.</summary>
    public Task<RunSnapshot> StartAsync(string labId, string project, RunRequest request) =>
        Run(labId, project, RunIds.New(request.PlanName, request.Fold, clock.GetUtcNow())).CreateAsync(request);

    public Task<RunSnapshot?> GetAsync(string labId, string project, string runId) => Run(labId, project, runId).GetAsync();

    /// <summary>Whether the project's data changed since the data the run trains on was fingerprinted.</summary>
    public Task<DataDrift> GetDataDriftAsync(string labId, string project, string runId) => Run(labId, project, runId).GetDataDriftAsync();

    public Task<RunSnapshot> PauseAsync(string labId, string project, string runId) => Run(labId, project, runId).PauseAsync();

    public Task<RunSnapshot> ResumeAsync(string labId, string project, string runId) => Run(labId, project, runId).ResumeAsync();

    public Task<RunSnapshot> CancelAsync(string labId, string project, string runId, string? reason) => Run(labId, project, runId).CancelAsync(reason);

    public Task<CrossValidationSnapshot> StartCrossValidationAsync(string labId, string project, string name, CrossValidationRequest request) =>
        CrossValidation(labId, project, name).StartAsync(request);

    public Task<CrossValidationSnapshot?> GetCrossValidationAsync(string labId, string project, string name) => CrossValidation(labId, project, name).GetAsync();

    public Task<CrossValidationSnapshot> CancelCrossValidationAsync(string labId, string project, string name) => CrossValidation(labId, project, name).CancelAsync();

    public Task<TrainingQueueView> GetQueueAsync(string labId) => cluster.GetGrain<ITrainingQueueGrain>(GrainKeys.TrainingQueue(labId)).GetAsync();

    /// <summary>How many epochs a plan version trains: the length of a run's progress bar.</summary>
    public async Task<int> GetPlannedEpochsAsync(string labId, string project, string plan, int version) =>
        (await cluster.GetGrain<IPlanGrain>(GrainKeys.Plan(labId, project, plan)).GetVersionAsync(version)).Settings.Training.Epochs;

    private ITrainingRunGrain Run(string labId, string project, string runId) =>
        cluster.GetGrain<ITrainingRunGrain>(GrainKeys.Run(labId, project, runId));

    private ICrossValidationGrain CrossValidation(string labId, string project, string name) =>
        cluster.GetGrain<ICrossValidationGrain>(GrainKeys.CrossValidation(labId, project, name));
}
