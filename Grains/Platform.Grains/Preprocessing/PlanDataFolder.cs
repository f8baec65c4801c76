using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Datasources;
using Platform.Grains.Fingerprints;
using Platform.Grains.Plans;
using Platform.Plans;
using ChannelNormalization = Platform.Preprocessing.Cases.ChannelNormalization;
using Platform.Training.Plans;

namespace Platform.Grains.Preprocessing;

/// <summary>
/// The preprocessed data of a plan version: its datasources (all of the project's when it names none), the frozen
/// fingerprint its statistics come from, the normalisation they give, hence the dataset key and folder. One place, so
/// the preprocessing job writes, runs train on and cross-validation reads the very same cases. A version's
/// fingerprint is the one recorded when it was saved; a version saved before any was stored gets the current one
/// pinned on its first use, and keeps it: a later rescan never changes what it trains on.
/// </summary>
public sealed class PlanDataFolder(CaseCatalogStore catalog, DatasetFingerprints fingerprints, PlanVersionStore plans)
{
    public sealed record Resolved(
        IReadOnlyList<string> Datasources,
        StoredFingerprint? Fingerprint,
        IReadOnlyList<ChannelNormalization> Normalization,
        PreprocessingDatasets.Dataset Dataset)
    {
        public long? FingerprintId => Fingerprint?.Id;
    }

    /// <summary>The datasources a plan reads.</summary>
    public async Task<IReadOnlyList<string>> DatasourcesAsync(string lab, string project, PlanSettings plan) =>
        PlanInterpretation.Sources(plan, await catalog.DatasourcesAsync(lab, project)).Datasources;

    /// <summary>The fingerprint a version saved now is configured from (null while its datasources hold no usable case).</summary>
    public async Task<long?> CurrentFingerprintIdAsync(string lab, string project, PlanSettings plan) =>
        (await fingerprints.CurrentOrNoneAsync(lab, project, await DatasourcesAsync(lab, project, plan)))?.Id;

    /// <summary>A version's data, from its recorded fingerprint (pinning the current one on first use of a version without).</summary>
    public async Task<Resolved> ForVersionAsync(string lab, string project, PlanSnapshot version)
    {
        var datasources = await DatasourcesAsync(lab, project, version.Settings);
        var fingerprintId = version.FingerprintId;
        if (fingerprintId is null && await fingerprints.CurrentOrNoneAsync(lab, project, datasources) is { } current)
            fingerprintId = await plans.PinFingerprintAsync(lab, project, version.Name, version.Version, current.Id);
        return await ResolveAsync(lab, project, version.Name, version.Settings, datasources, fingerprintId);
    }

    /// <summary>Exactly the data of <paramref name="fingerprintId"/> (what a run or a job recorded): nothing is pinned or recomputed.</summary>
    public async Task<Resolved> ForFingerprintAsync(string lab, string project, string planName, PlanSettings plan, long? fingerprintId) =>
        await ResolveAsync(lab, project, planName, plan, await DatasourcesAsync(lab, project, plan), fingerprintId);

    private async Task<Resolved> ResolveAsync(string lab, string project, string planName, PlanSettings plan, IReadOnlyList<string> datasources, long? fingerprintId)
    {
        var fingerprint = fingerprintId is { } id
            ? await fingerprints.GetAsync(lab, project, id) ?? throw new PlatformNotFoundException($"Fingerprint {id} of project '{project}' is no longer stored.")
            : null;
        if (fingerprint is null && plan.Preprocessing.Normalization.Contains(NormalizationScheme.CT))
            throw new PlatformValidationException("datasources", "No usable case yet: wait for the datasource scans, or fix the problems they reported.");
        var normalization = PlanInterpretation.Normalization(plan, fingerprint?.Fingerprint.Channels ?? []);
        return new Resolved(datasources, fingerprint, normalization, PreprocessingDatasets.For(lab, project, planName, plan, normalization));
    }
}
