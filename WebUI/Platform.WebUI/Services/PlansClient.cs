using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Plans;

namespace Platform.WebUI.Services;

/// <summary>What the plan pages need of plans, plan sheets and auto-configuration, through the grain API.</summary>
public sealed class PlansClient(IClusterClient cluster, ProjectListsClient lists)
{
    /// <summary>The project's plans in name order, each with its latest version (one read of the plan table); null when there is no such project.</summary>
    public async Task<IReadOnlyList<PlanHead>?> ListAsync(string labId, string project) =>
        await Project(labId, project).GetAsync() is null ? null : await lists.PlansAsync(labId, project);

    public Task<PlanSnapshot?> GetAsync(string labId, string project, string plan) => Plan(labId, project, plan).GetAsync();

    public Task<PlanRevisionResult> ReviseAsync(string labId, string project, string plan, PlanSettings settings, int basedOnVersion, string? comment) =>
        Plan(labId, project, plan).ReviseAsync(settings, basedOnVersion, comment);

    public Task<PlanSnapshot> GetVersionAsync(string labId, string project, string plan, int version) => Plan(labId, project, plan).GetVersionAsync(version);

    /// <summary>Whether the project's data changed since <paramref name="version"/> was configured.</summary>
    public Task<DataDrift> GetDataDriftAsync(string labId, string project, string plan, int version) => Plan(labId, project, plan).GetDataDriftAsync(version);

    public Task<TrainingTimeEstimate> GetTrainingEstimateAsync(string labId, string project, string plan, int version) =>
        Plan(labId, project, plan).GetTrainingEstimateAsync(version);

    public Task<IReadOnlyList<PlanVersionSummary>> ListVersionsAsync(string labId, string project, string plan) => Plan(labId, project, plan).ListVersionsAsync();

    public Task<IReadOnlyList<PlanFieldChange>> CompareAsync(string labId, string project, string plan, int fromVersion, int toVersion) =>
        Plan(labId, project, plan).CompareAsync(fromVersion, toVersion);

    public Task<string> ExportJsonAsync(string labId, string project, string plan) => Plan(labId, project, plan).ExportJsonAsync();

    public Task<PlanRevisionResult> ImportJsonAsync(string labId, string project, string plan, string json, int basedOnVersion, string? comment) =>
        Plan(labId, project, plan).ImportJsonAsync(json, basedOnVersion, comment);

    /// <summary>Auto-configuration from the project's fingerprint (nnU-Net's rules).</summary>
    public Task<PlanSuggestion> SuggestAsync(string labId, string project, PlanSuggestionRequest request) => Project(labId, project).SuggestPlanAsync(request);

    /// <summary>The latest version of every plan as a FRAN-style .xlsx workbook.</summary>
    public Task<byte[]> ExportFranAsync(string labId, string project) => Sheet(labId, project).ExportFranAsync();

    public Task<IReadOnlyList<PlanImportResult>> ImportFranAsync(string labId, string project, byte[] workbook) => Sheet(labId, project).ImportFranAsync(workbook);

    private IPlanGrain Plan(string labId, string project, string plan) => cluster.GetGrain<IPlanGrain>(GrainKeys.Plan(labId, project, plan));

    private IProjectGrain Project(string labId, string project) => cluster.GetGrain<IProjectGrain>(GrainKeys.Project(labId, project));

    private IPlanSheetGrain Sheet(string labId, string project) => cluster.GetGrain<IPlanSheetGrain>(GrainKeys.Project(labId, project));
}
