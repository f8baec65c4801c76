using Platform.Grains.Abstractions.Tenancy;
using Platform.Plans.Tasks;

namespace Platform.Grains.Abstractions.Projects;

/// <summary>
/// A research project in a lab: its plans, splits and runs hang off it. Keyed by <see cref="GrainKeys.Project"/>;
/// the title is the last key segment. Projects are archived, never deleted: their runs stay readable.
/// </summary>
[Alias("Platform.Grains.Abstractions.Projects.IProjectGrain")]
public interface IProjectGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the project for a task kind, which never changes. Repeating it with the same description and kind is
    /// harmless. An Asparagus title (<c>CLS003_Sald</c>) must start with the kind's prefix, and its number must be free
    /// among the lab's projects of that kind (conflict otherwise); a FRAN-style title suits every kind.
    /// </summary>
    [Alias("CreateAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<ProjectSummary> CreateAsync(string description, TaskKind kind = TaskKind.Segmentation);

    [Alias("GetAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<ProjectSummary?> GetAsync();

    [Alias("DescribeAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<ProjectSummary> DescribeAsync(string description);

    /// <summary>
    /// Replaces the project's label groups: named sets of labels evaluated together (FRAN's "kidney" = {1, 2},
    /// "tumour" = {2}). Names are lower case; labels are 1 to 255.
    /// </summary>
    [Alias("SetLabelGroupsAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<ProjectSummary> SetLabelGroupsAsync(IReadOnlyDictionary<string, IReadOnlyList<int>> groups);

    /// <summary>What each label is called: the names set on the project over those its datasources' dataset.json give (<see cref="LabelNames"/>).</summary>
    [Alias("GetLabelNamesAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<LabelNames> GetLabelNamesAsync();

    /// <summary>
    /// Replaces the names set on the project (label 0 to 255 → name); a label left out is named by dataset.json or "label N".
    /// </summary>
    [Alias("SetLabelNamesAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<LabelNames> SetLabelNamesAsync(IReadOnlyDictionary<int, string> names);

    /// <summary>Hides the project from active lists and refuses new plans and runs; everything stays readable.</summary>
    [Alias("ArchiveAsync"), RequiresLabRole(LabRole.PrincipalInvestigator)]
    Task<ProjectSummary> ArchiveAsync();

    [Alias("RestoreAsync"), RequiresLabRole(LabRole.PrincipalInvestigator)]
    Task<ProjectSummary> RestoreAsync();

    /// <summary>
    /// The current dataset fingerprint over the usable cases of the given datasources (all of the project's when null):
    /// the one stored when their last scan completed (computed and stored on first request where none is).
    /// </summary>
    [Alias("GetFingerprintAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<FingerprintSummary> GetFingerprintAsync(IReadOnlyList<string>? datasources);

    /// <summary>The current fingerprint's stored document (nnU-Net's <c>dataset_fingerprint.json</c>), for download.</summary>
    [Alias("GetFingerprintJsonAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<string> GetFingerprintJsonAsync(IReadOnlyList<string>? datasources);

    /// <summary>A stored fingerprint by id (the one a plan version or a run recorded), however old.</summary>
    /// <exception cref="PlatformNotFoundException">No fingerprint of this project has that id.</exception>
    [Alias("GetStoredFingerprintAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<FingerprintSummary> GetStoredFingerprintAsync(long id);

    /// <summary>Auto-configuration: a plan from the fingerprint by nnU-Net's rules (target spacing, patch and batch under a memory budget, topology).</summary>
    [Alias("SuggestPlanAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<PlanSuggestion> SuggestPlanAsync(PlanSuggestionRequest request);

    /// <summary>
    /// Refuses unless the project exists and is not archived: called by a plan, run, cross-validation or sweep grain
    /// before it saves anything new. Those list themselves (see <see cref="IProjectListGrain"/>).
    /// </summary>
    [Alias("RequireWritableAsync"), GrainToGrainOnly]
    Task RequireWritableAsync();

    /// <summary>What the project learns (chosen at creation): read by a run, and by the training slot that trains it, to choose how.</summary>
    [Alias("GetKindAsync"), GrainToGrainOnly]
    Task<TaskKind> GetKindAsync();

    /// <summary>Called by a datasource grain when it is registered; refused while the project is archived or missing.</summary>
    [Alias("RegisterDatasourceAsync"), GrainToGrainOnly]
    Task RegisterDatasourceAsync(string datasource);

    /// <summary>Called by a split grain when it is first saved, so the project can list its splits.</summary>
    [Alias("RegisterSplitAsync"), GrainToGrainOnly]
    Task RegisterSplitAsync(string splitName);
}
