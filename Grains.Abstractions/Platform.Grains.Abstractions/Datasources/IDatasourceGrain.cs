using Platform.Grains.Abstractions.Tenancy;
using Platform.Plans.Tasks;

namespace Platform.Grains.Abstractions.Datasources;

/// <summary>
/// A folder of cases in the lab's data folder (<c>{DataRoot}/{labId}</c>), registered to a project (FRAN's images/ + lms/, or
/// nnU-Net's imagesTr/ + labelsTr/ + dataset.json). Registration validates every case and records per-case
/// statistics in the case catalog; it runs in the background with visible progress, survives a silo
/// restart, and re-registering reads only new or changed files. Keyed by <see cref="GrainKeys.Datasource"/>.
/// </summary>
[Alias("Platform.Grains.Abstractions.Datasources.IDatasourceGrain")]
public interface IDatasourceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers (or re-scans) <paramref name="folder"/>, relative to the lab's data folder (no '..', no absolute path, no link leading out of it); returns at once with the scan started.
    /// <paramref name="modalities"/> names each image channel's modality (<see cref="ChannelModalities"/>), which a FRAN
    /// folder does not say; null keeps what is set. An nnU-Net folder's dataset.json, when readable, decides instead.
    /// </summary>
    [Alias("RegisterAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<DatasourceStatus> RegisterAsync(string folder, IReadOnlyList<string>? modalities = null);

    /// <summary>
    /// Sets the modality of each image channel. Refused (conflict) for a datasource whose dataset.json names its
    /// channels: edit dataset.json and rescan instead.
    /// </summary>
    [Alias("SetModalitiesAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<DatasourceStatus> SetModalitiesAsync(IReadOnlyList<string> modalities);

    /// <summary>Scans the registered folder again, reading only new or changed cases.</summary>
    [Alias("RescanAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<DatasourceStatus> RescanAsync();

    [Alias("GetStatusAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<DatasourceStatus?> GetStatusAsync();

    [Alias("ListCasesAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<CasePage> ListCasesAsync(CaseQuery query);

    /// <summary>
    /// The image files (channel order) and label map of one case, relative to the lab's data folder, for the viewer.
    /// Not found when the catalog has no such case or the scan could not pair its files (an invalid case).
    /// </summary>
    [Alias("GetCaseFilesAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<CaseFileSet> GetCaseFilesAsync(string caseId);

    /// <summary>
    /// Uploads the table of case → class or value of a classification or regression project's datasource (CSV, TSV or
    /// .xlsx, by <paramref name="fileName"/>'s extension; at most <see cref="TargetTableReport.MaxFileBytes"/> bytes).
    /// Every row is checked against the datasource's cases; rows with problems are left out and listed in the report,
    /// the others replace the stored table. A table with no usable row is refused (validation error listing its
    /// problems) and the stored table stays as it was.
    /// </summary>
    [Alias("UploadTargetTableAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<TargetTableReport> UploadTargetTableAsync(string fileName, byte[] content);

    /// <summary>The stored target table, as training reads it; null when none has been uploaded.</summary>
    [Alias("GetTargetTableAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<CaseTargetTable?> GetTargetTableAsync();

    /// <summary>Where the stored target table came from and the rows it refused; null when none has been uploaded.</summary>
    [Alias("GetTargetTableProblemsAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<TargetTableReport?> GetTargetTableProblemsAsync();
}
