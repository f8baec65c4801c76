using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;

namespace Platform.WebUI.Services;

/// <summary>What pages need of datasources, through the grain API.</summary>
public sealed class DatasourcesClient(IClusterClient cluster)
{
    public Task<DatasourceStatus> RegisterAsync(string labId, string project, string name, string folder, IReadOnlyList<string>? modalities) =>
        Datasource(labId, project, name).RegisterAsync(folder, modalities);

    public Task<DatasourceStatus> SetModalitiesAsync(string labId, string project, string name, IReadOnlyList<string> modalities) =>
        Datasource(labId, project, name).SetModalitiesAsync(modalities);

    public Task<DatasourceStatus> RescanAsync(string labId, string project, string name) => Datasource(labId, project, name).RescanAsync();

    public Task<DatasourceStatus?> GetStatusAsync(string labId, string project, string name) => Datasource(labId, project, name).GetStatusAsync();

    public Task<CasePage> ListCasesAsync(string labId, string project, string name, CaseQuery query) =>
        Datasource(labId, project, name).ListCasesAsync(query);

    /// <summary>Uploads a classification or regression datasource's target table (CSV, TSV or .xlsx); rows with problems are reported, not stored.</summary>
    public Task<TargetTableReport> UploadTargetTableAsync(string labId, string project, string name, string fileName, byte[] content) =>
        Datasource(labId, project, name).UploadTargetTableAsync(fileName, content);

    public Task<TargetTableReport?> GetTargetTableProblemsAsync(string labId, string project, string name) =>
        Datasource(labId, project, name).GetTargetTableProblemsAsync();

    private IDatasourceGrain Datasource(string labId, string project, string name) =>
        cluster.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(labId, project, name));
}
