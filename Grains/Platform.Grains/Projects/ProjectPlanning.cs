using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Datasources;
using Platform.Plans;
using Platform.Preprocessing.Fingerprint;
using Platform.Preprocessing.Planning;
using Platform.Training.Plans;

namespace Platform.Grains.Projects;

/// <summary>
/// The project's fingerprint, built from the case catalog, and auto-configuration on top of it. Kept out of
/// the project grain: it reads many rows and computes, where the grain only decides which datasources count.
/// </summary>
public sealed class ProjectPlanning(CaseCatalogStore catalog, ModalityStore modalities)
{
    public async Task<ProjectFingerprint> FingerprintAsync(string lab, string project, IReadOnlyList<string> datasources)
    {
        var cases = new List<CaseStatistics>();
        await foreach (var row in catalog.FingerprintRowsAsync(lab, project, datasources))
            cases.Add(FingerprintMapping.ToCaseStatistics(row));
        if (!cases.Any(c => !c.Excluded))
            throw new PlatformValidationException("datasources", "No usable case yet: wait for the datasource scans, or fix the problems they reported.");
        try
        {
            return FingerprintBuilder.Build(cases);
        }
        catch (FingerprintException e)
        {
            throw new PlatformValidationException("datasources", string.Join("; ", e.Problems.Take(10)));
        }
    }

    public static void Check(PlanSuggestionRequest request)
    {
        if (request.Dimensions is not (2 or 3))
            throw new PlatformValidationException("dimensions", "Plans are 2D or 3D.");
        if (request.GpuMemoryGb is < 1 or > 1000)
            throw new PlatformValidationException("gpuMemoryGb", "Give the GPU memory budget in GB, from 1 to 1000.");
    }

    /// <summary>Each datasource with the channel modalities set for it (none where none is set), in the order given.</summary>
    public async Task<IReadOnlyList<DatasourceModalities>> ModalitiesAsync(string lab, string project, IReadOnlyList<string> datasources)
    {
        var stored = await modalities.ForDatasourcesAsync(lab, project, datasources);
        return datasources.Select(d => new DatasourceModalities(d, stored.GetValueOrDefault(d) ?? [])).ToList();
    }

    public static PlanSuggestion Suggest(ProjectFingerprint fingerprint, PlanSuggestionRequest request, IReadOnlyList<DatasourceModalities> datasources)
    {
        var options = new PlanningOptions
        {
            Dimensions = request.Dimensions == 2 ? NetworkDimensions.TwoD : NetworkDimensions.ThreeD,
            GpuMemoryBudgetGb = request.GpuMemoryGb,
        };
        AutoPlan auto;
        try
        {
            auto = AutoConfigurator.Configure(fingerprint, options);
        }
        catch (PlanningException e)
        {
            throw new PlatformValidationException("fingerprint", e.Message);
        }

        PlanSettings settings;
        IReadOnlyList<string> notes;
        try
        {
            (settings, notes) = SuggestedPlan.From(auto, fingerprint, datasources, request.Dimensions == 2 ? 512 : 320);
        }
        catch (PlanningException e)
        {
            throw new PlatformValidationException("datasources", e.Message);
        }

        return new PlanSuggestion(settings, notes, auto.EstimatedMemoryBytes, FingerprintMapping.ToSummary(fingerprint));
    }
}
