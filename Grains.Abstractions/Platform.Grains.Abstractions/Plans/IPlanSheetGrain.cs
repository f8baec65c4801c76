using Platform.Plans;

using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.Plans;

/// <summary>What importing one row of a plan sheet did.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanImportResult")]
public sealed record PlanImportResult(
    [property: Id(0)] string Plan,
    [property: Id(1)] PlanRevisionOutcome? Outcome,
    [property: Id(2)] int? Version,
    [property: Id(3)] IReadOnlyList<PlanFieldError> Errors);

/// <summary>
/// FRAN-style plan spreadsheets (one row per plan, FRAN's column names) for a project: export the latest version
/// of every plan, or import rows as new plan versions. A bad row is reported and the other rows still import.
/// Keyed by <see cref="GrainKeys.Project"/>.
/// </summary>
[Alias("Platform.Grains.Abstractions.Plans.IPlanSheetGrain")]
public interface IPlanSheetGrain : IGrainWithStringKey
{
    /// <summary>An .xlsx workbook with a "plans" sheet.</summary>
    [Alias("ExportFranAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<byte[]> ExportFranAsync();

    /// <summary>Each row becomes a new version of the plan it names; columns the sheet lacks keep their current (or default) values.</summary>
    [Alias("ImportFranAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<IReadOnlyList<PlanImportResult>> ImportFranAsync(byte[] workbook);
}
