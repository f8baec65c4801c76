using Microsoft.Extensions.Logging;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Datasources;
using Platform.Grains.Projects;
using Platform.Preprocessing.Fingerprint;

namespace Platform.Grains.Fingerprints;

/// <summary>
/// The one place fingerprints are computed and found. A datasource scan that completes refreshes every stored
/// fingerprint that covers the datasource (and the project's whole data); readers get the stored one and never
/// recompute it. Only a selection that was never stored is computed on first request. The voxel-free work (catalog
/// rows to statistics) is streamed; pooling runs on the thread pool so no grain turn computes.
/// </summary>
public sealed partial class DatasetFingerprints(CaseCatalogStore catalog, FingerprintStore store, ILogger<DatasetFingerprints> logger)
{
    private const string NoUsableCase = "No usable case yet: wait for the datasource scans, or fix the problems they reported.";

    /// <summary>The stored fingerprint of these datasources; computed and stored first when there is none.</summary>
    /// <exception cref="PlatformValidationException">No usable case, or the cases cannot be fingerprinted together.</exception>
    public async Task<StoredFingerprint> CurrentAsync(string lab, string project, IReadOnlyList<string> datasources) =>
        await store.LatestAsync(lab, project, datasources)
        ?? await RefreshAsync(lab, project, datasources)
        ?? throw new PlatformValidationException("datasources", NoUsableCase);

    /// <summary>Like <see cref="CurrentAsync"/>, but null where the datasources hold no usable case yet (a plan saved before its data).</summary>
    public async Task<StoredFingerprint?> CurrentOrNoneAsync(string lab, string project, IReadOnlyList<string> datasources)
    {
        if (datasources.Count == 0)
            return null;
        try
        {
            return await CurrentAsync(lab, project, datasources);
        }
        catch (PlatformValidationException)
        {
            return null;
        }
    }

    public Task<StoredFingerprint?> GetAsync(string lab, string project, long id) => store.GetAsync(lab, project, id);

    /// <summary>
    /// How the data changed since fingerprint <paramref name="recordedId"/>: compared with the latest stored one of the
    /// same datasources (never computed here: the recorded one is stored, so a latest exists). <paramref name="since"/>
    /// ends the message's "since ..." ("this plan version was configured").
    /// </summary>
    public async Task<DataDrift> DriftAsync(string lab, string project, long? recordedId, string since)
    {
        if (recordedId is not { } id || await store.GetAsync(lab, project, id) is not { } recorded)
            return FingerprintDrift.NothingRecorded(recordedId);
        return FingerprintDrift.Compare(recorded, await store.LatestAsync(lab, project, recorded.Datasources) ?? recorded, since);
    }

    /// <summary>
    /// After a scan of <paramref name="datasource"/> stored its cases: a new fingerprint for every stored selection
    /// that includes it and for the project's whole catalog, where the data changed. A selection left without usable
    /// cases keeps its last fingerprint.
    /// </summary>
    public async Task RefreshAfterScanAsync(string lab, string project, string datasource)
    {
        var selections = (await store.SelectionsWithAsync(lab, project, datasource)).ToList();
        selections.Add(await catalog.DatasourcesAsync(lab, project));
        foreach (var selection in selections.Select(FingerprintStore.Selection).DistinctBy(s => string.Join('\n', s)))
        {
            try
            {
                if (await RefreshAsync(lab, project, selection) is { } stored)
                    LogRefreshed(logger, lab, project, string.Join(", ", selection), stored.Id, stored.Hash);
            }
            catch (PlatformValidationException e)
            {
                LogNotFingerprinted(logger, lab, project, string.Join(", ", selection), e.Message);
            }
        }
    }

    /// <summary>Computes the fingerprint from the catalog and stores it when it differs from the latest; null without usable cases.</summary>
    private Task<StoredFingerprint?> RefreshAsync(string lab, string project, IReadOnlyList<string> datasources) =>
        store.RefreshAsync(lab, project, datasources, async () =>
        {
            var cases = new List<CaseStatistics>();
            var usable = new List<string>();
            await foreach (var row in catalog.FingerprintRowsAsync(lab, project, datasources))
            {
                cases.Add(FingerprintMapping.ToCaseStatistics(row));
                if (row.Status is CaseStatus.Valid or CaseStatus.Flagged)
                    usable.Add(StoredFingerprint.CaseKey(row.Datasource, row.CaseId));
            }

            if (!cases.Any(c => !c.Excluded))
                return null;
            var fingerprint = await Task.Run(() => Build(cases));
            var document = FingerprintJson.Serialize(fingerprint);
            usable.Sort(StringComparer.Ordinal);
            return (FingerprintJson.Hash(document, usable), document, usable);
        });

    private static ProjectFingerprint Build(List<CaseStatistics> cases)
    {
        try
        {
            return FingerprintBuilder.Build(cases);
        }
        catch (FingerprintException e)
        {
            throw new PlatformValidationException("datasources", string.Join("; ", e.Problems.Take(10)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fingerprint of {Lab}/{Project} [{Datasources}] is {Id} ({Hash})")]
    private static partial void LogRefreshed(ILogger logger, string lab, string project, string datasources, long id, string hash);

    [LoggerMessage(Level = LogLevel.Information, Message = "No fingerprint for {Lab}/{Project} [{Datasources}]: {Reason}")]
    private static partial void LogNotFingerprinted(ILogger logger, string lab, string project, string datasources, string reason);
}
