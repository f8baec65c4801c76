using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;

namespace Platform.WebUI.Services;

/// <summary>What the image viewer needs of cases and runs, through the grain API.</summary>
public sealed class ViewerClient(IClusterClient cluster)
{
    public Task<CaseFileSet> GetCaseFilesAsync(string labId, string project, string datasource, string caseId) =>
        cluster.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(labId, project, datasource)).GetCaseFilesAsync(caseId);

    /// <summary>The case in whichever of the project's datasources holds it (names in order); null when none does.</summary>
    public async Task<CaseFileSet?> FindCaseAsync(string labId, string project, string caseId)
    {
        var summary = await cluster.GetGrain<IProjectGrain>(GrainKeys.Project(labId, project)).GetAsync();
        foreach (var datasource in summary?.Datasources.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>())
        {
            try
            {
                return await GetCaseFilesAsync(labId, project, datasource, caseId);
            }
            catch (PlatformNotFoundException)
            {
                // Not in this datasource; try the next.
            }
        }

        return null;
    }

    /// <summary>The case's row in its datasource's catalog (status and problems); null when the catalog no longer lists it.</summary>
    public async Task<CaseSummary?> GetCaseSummaryAsync(string labId, string project, string datasource, string caseId)
    {
        // Ids sort before every longer id they prefix, so the case itself is on the first page of its prefix.
        var page = await cluster.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(labId, project, datasource))
            .ListCasesAsync(new CaseQuery(PageSize: 50, CaseIdPrefix: caseId));
        return page.Cases.FirstOrDefault(c => c.CaseId == caseId);
    }

    /// <summary>The modality of the datasource's first image channel (CT, MR, …); null while none is set.</summary>
    public async Task<string?> GetModalityAsync(string labId, string project, string datasource) =>
        (await cluster.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(labId, project, datasource)).GetStatusAsync())?.Modalities?.FirstOrDefault();

    /// <summary>Case ids of a datasource, in order (the first <see cref="CaseQuery.MaxPageSize"/>): the picker's list without a run.</summary>
    public async Task<IReadOnlyList<string>> ListCaseIdsAsync(string labId, string project, string datasource)
    {
        var page = await cluster.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(labId, project, datasource))
            .ListCasesAsync(new CaseQuery(PageSize: CaseQuery.MaxPageSize));
        return page.Cases.Where(c => c.Status != CaseStatus.Invalid).Select(c => c.CaseId).ToList();
    }

    public Task<CasePrediction?> GetPredictionAsync(string labId, string project, string runId, string caseId) =>
        Run(labId, project, runId).GetPredictionAsync(caseId);

    private ITrainingRunGrain Run(string labId, string project, string runId) =>
        cluster.GetGrain<ITrainingRunGrain>(GrainKeys.Run(labId, project, runId));
}
