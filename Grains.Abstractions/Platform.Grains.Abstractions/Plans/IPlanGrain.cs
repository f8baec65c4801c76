using Platform.Plans;

using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.Plans;

/// <summary>
/// A versioned training plan. Every save makes a new version with its author and time; a save names the version
/// it was based on and is refused when that is no longer the latest. Keyed by <see cref="GrainKeys.Plan"/>.
/// </summary>
[Alias("Platform.Grains.Abstractions.Plans.IPlanGrain")]
public interface IPlanGrain : IGrainWithStringKey
{
    /// <summary>The latest version, or null before the first save.</summary>
    [Alias("GetAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<PlanSnapshot?> GetAsync();

    /// <summary>Saves <paramref name="settings"/> as version <paramref name="basedOnVersion"/> + 1 (0 creates the plan).</summary>
    [Alias("ReviseAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<PlanRevisionResult> ReviseAsync(PlanSettings settings, int basedOnVersion, string? comment);

    /// <exception cref="PlatformNotFoundException">No such version.</exception>
    [Alias("GetVersionAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<PlanSnapshot> GetVersionAsync(int version);

    /// <summary>All versions, newest first.</summary>
    [Alias("ListVersionsAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<IReadOnlyList<PlanVersionSummary>> ListVersionsAsync();

    /// <summary>The latest version as a JSON document (the plan editor's field names).</summary>
    /// <exception cref="PlatformNotFoundException">The plan has no version yet.</exception>
    [Alias("ExportJsonAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<string> ExportJsonAsync();

    /// <summary>Saves a JSON plan document as a new version, like <see cref="ReviseAsync"/>; unreadable JSON is an invalid result naming the problem.</summary>
    [Alias("ImportJsonAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<PlanRevisionResult> ImportJsonAsync(string json, int basedOnVersion, string? comment);

    /// <summary>Whether the project's data changed since <paramref name="version"/> was configured (cases added or removed, CT statistics).</summary>
    /// <exception cref="PlatformNotFoundException">No such version.</exception>
    [Alias("GetDataDriftAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<DataDrift> GetDataDriftAsync(int version);

    /// <summary>How long <paramref name="version"/> trains per step, epoch and run on a GPU and on CPUs, and on which this cluster would train.</summary>
    /// <exception cref="PlatformNotFoundException">No such version.</exception>
    /// <exception cref="PlatformValidationException">The version's network or patch cannot be built (the field is named).</exception>
    [Alias("GetTrainingEstimateAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<TrainingTimeEstimate> GetTrainingEstimateAsync(int version);

    /// <summary>The fields that differ between two versions.</summary>
    [Alias("CompareAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<IReadOnlyList<PlanFieldChange>> CompareAsync(int fromVersion, int toVersion);
}
