using Platform.Grains.Datasources;
using Platform.Grains.Projects;
using Platform.Plans;
using Platform.Training.Plans;

namespace Platform.Grains.Preprocessing;

/// <summary>
/// The preprocessed data of a plan version as training and cross-validation find it without a caller: the plan's
/// sources (<see cref="PlanInterpretation.Sources"/>), the normalisation (CT statistics from the fingerprint),
/// hence the dataset key and folder. One place, so the executor trains on, and cross-validation reads from, the
/// very cases the preprocessing job writes.
/// </summary>
public sealed class PlanDataFolder(CaseCatalogStore catalog, ProjectPlanning planning)
{
    public sealed record Resolved(PlanSources Sources, PreprocessingDatasets.Dataset Dataset, string AbsoluteFolder);

    public async Task<Resolved> ResolveAsync(string workRoot, string lab, string project, string planName, PlanSettings plan)
    {
        var sources = PlanInterpretation.Sources(plan, await catalog.DatasourcesAsync(lab, project));
        var needsFingerprint = plan.Preprocessing.Normalization.Contains(NormalizationScheme.CT);
        var fingerprint = needsFingerprint ? await planning.FingerprintAsync(lab, project, sources.Datasources) : null;
        var dataset = PreprocessingDatasets.For(lab, project, planName, plan, PlanInterpretation.Normalization(plan, fingerprint?.Channels ?? []));
        return new Resolved(sources, dataset, PreprocessingDatasets.Absolute(workRoot, dataset.RelativeFolder));
    }

    public async Task<string> AbsoluteAsync(string workRoot, string lab, string project, string planName, PlanSettings plan) =>
        (await ResolveAsync(workRoot, lab, project, planName, plan)).AbsoluteFolder;
}
