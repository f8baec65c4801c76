using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Fingerprints;
using Platform.Preprocessing.Planning;
using Platform.Training.Plans;

namespace Platform.Grains.Projects;

/// <summary>
/// Auto-configuration on top of a stored fingerprint (see <see cref="DatasetFingerprints"/>), kept out of
/// the project grain, which only decides which datasources count.
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

    public static PlanSuggestion Suggest(StoredFingerprint stored, PlanSuggestionRequest request, IReadOnlyList<string> datasources)
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

        var (settings, notes) = SuggestedPlan.From(auto, fingerprint, datasources, request.Dimensions == 2 ? 512 : 320);
        return new PlanSuggestion(settings, notes, auto.EstimatedMemoryBytes, FingerprintMapping.ToSummary(stored));
    }
}
