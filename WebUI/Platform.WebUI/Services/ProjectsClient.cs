using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.Plans.Tasks;

namespace Platform.WebUI.Services;

/// <summary>What pages need of projects, through the grain API.</summary>
public sealed class ProjectsClient(IClusterClient cluster)
{
    public Task<IReadOnlyList<ProjectSummary>> ListAsync(string labId) =>
        cluster.GetGrain<ILabGrain>(GrainKeys.Lab(labId)).ListProjectsAsync();

    public Task<ProjectSummary> CreateAsync(string labId, string title, string description, TaskKind kind) => Project(labId, title).CreateAsync(description, kind);

    public Task<ProjectSummary?> GetAsync(string labId, string title) => Project(labId, title).GetAsync();

    public Task<FingerprintSummary> GetFingerprintAsync(string labId, string title) => Project(labId, title).GetFingerprintAsync(null);

    /// <summary>What each label of the project is called (<see cref="LabelNames"/>: the project's names over dataset.json's).</summary>
    public Task<LabelNames> GetLabelNamesAsync(string labId, string title) => Project(labId, title).GetLabelNamesAsync();

    public Task<LabelNames> SetLabelNamesAsync(string labId, string title, IReadOnlyDictionary<int, string> names) =>
        Project(labId, title).SetLabelNamesAsync(names);

    /// <summary>The stored document of the project's current fingerprint (dataset_fingerprint.json).</summary>
    public Task<string> GetFingerprintJsonAsync(string labId, string title) => Project(labId, title).GetFingerprintJsonAsync(null);

    private IProjectGrain Project(string labId, string title) => cluster.GetGrain<IProjectGrain>(GrainKeys.Project(labId, title));
}
