using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Datasources;
using Platform.Grains.Preprocessing;
using Platform.Grains.Projects;

namespace Platform.Grains.CrossValidation;

/// <summary>
/// The preprocessed folder a plan version's runs trained on, worked out the way the training executor does
/// (same datasources, same normalisation, hence the same dataset key), so validation references and test cases
/// are read from the very cases the folds saw.
/// </summary>
public sealed class PlanDataFolder(CaseCatalogStore catalog, ProjectPlanning planning)
{
    public async Task<string> AbsoluteAsync(string workRoot, string lab, string project, string planName, PlanSettings plan)
    {
        var datasources = plan.Data.Datasources.Count > 0 ? plan.Data.Datasources : await catalog.DatasourcesAsync(lab, project);
        var needsFingerprint = plan.Preprocessing.Normalization.Contains(NormalizationScheme.CT);
        var fingerprint = needsFingerprint ? await planning.FingerprintAsync(lab, project, datasources) : null;
        var dataset = PreprocessingDatasets.For(lab, project, planName, plan, PlanCaseSettings.Normalization(plan, fingerprint));
        return PreprocessingDatasets.Absolute(workRoot, dataset.RelativeFolder);
    }
}
