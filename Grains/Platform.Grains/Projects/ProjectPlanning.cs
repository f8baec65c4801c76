using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Datasources;
using Platform.Grains.Fingerprints;
using Platform.Plans;
using Platform.Preprocessing.Planning;
using Platform.Training.Plans;

namespace Platform.Grains.Projects;

/// <summary>
/// Auto-configuration on top of a stored fingerprint (see <see cref="DatasetFingerprints"/>) and the datasources'
/// channel modalities, kept out of the project grain, which only decides which datasources count.
/// </summary>
public static class ProjectPlanning
{
    public static void Check(PlanSuggestionRequest request)
    {
        if (request.Dimensions is not (2 or 3))
            throw new PlatformValidationException("dimensions", "Plans are 2D or 3D.");
        if (request.GpuMemoryGb is < 1 or > 1000)
            throw new PlatformValidationException("gpuMemoryGb", "Give the GPU memory budget in GB, from 1 to 1000.");
    }

    /// <summary>Each datasource with the channel modalities set for it (none where none is set), in the order given.</summary>
    public static async Task<IReadOnlyList<DatasourceModalities>> ModalitiesAsync(ModalityStore modalities, string lab, string project, IReadOnlyList<string> datasources)
    {
        var stored = await modalities.ForDatasourcesAsync(lab, project, datasources);
        return datasources.Select(d => new DatasourceModalities(d, stored.GetValueOrDefault(d) ?? [])).ToList();
    }

    public static PlanSuggestion Suggest(StoredFingerprint stored, PlanSuggestionRequest request, IReadOnlyList<DatasourceModalities> datasources)
    {
        var fingerprint = stored.Fingerprint;
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

        return new PlanSuggestion(settings, notes, auto.EstimatedMemoryBytes, FingerprintMapping.ToSummary(stored));
    }
}
