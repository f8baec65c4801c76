using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Datasources.Paths;
using Platform.Grains.Telemetry;
using Platform.Datasources.Scanning;
using Platform.Datasources.Validation;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Fingerprints;
using Platform.Grains.Storage;

namespace Platform.Grains.Datasources;

/// <summary>
/// Scans run in the background of the activation (reading and statistics on the thread pool, catalog writes
/// back on the grain), so status and case queries are answered while a scan goes on. State says "Scanning"
/// until the scan's results are stored; a reminder re-activates the grain after a lost silo and the scan
/// starts again, incrementally, from what the catalog already holds. A completed scan stores the new dataset
/// fingerprints of its project before it reports Idle, so readers find them stored and never recompute them.
/// </summary>
public sealed partial class DatasourceGrain(
    [PersistentState("datasource", StorageNames.Platform)] IPersistentState<DatasourceState> datasource,
    CaseCatalogStore catalog,
    DatasetFingerprints fingerprints,
    ModalityStore modalities,
    Projects.LabelNameStore labelNames,
    TargetTableStore targetTables,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<DatasourceGrain> logger) : Grain, IDatasourceGrain, IRemindable
{
    private const string WatchdogReminder = "scan-watchdog";
    /// <summary>Per-case intensity samples kept for the project fingerprint (nnU-Net pools about 10^8 voxels in all).</summary>
    private const int StoredSampleCap = 1000;

    private Task? _scan;
    private ScanProgress _progress;
    /// <summary>The stored modalities (table datasource_modality), read on activation and kept in step with every write.</summary>
    private ModalityStore.Stored? _modalities;

    private (string Lab, string Project, string Name) Key => GrainKeys.Parse(this.GetPrimaryKeyString());
    private CaseCatalogStore.DatasourceKey CatalogKey => new(Key.Lab, Key.Project, Key.Name);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _modalities = await modalities.GetAsync(CatalogKey);
        if (datasource.State.Scan == ScanState.Scanning)
            await StartScanAsync();
    }

    public async Task<DatasourceStatus> RegisterAsync(string folder, IReadOnlyList<string>? modalities = null)
    {
        DatasourceNames.Require(Key.Name);
        var chosen = modalities is null ? null : ChannelModalities.Require(modalities);
        // Only a trailing '/' is dropped: a leading one makes an absolute path, which the lab rule refuses.
        var relative = folder?.Trim().TrimEnd('/') ?? "";
        try
        {
            // The folder is the lab's own (the lab from the grain key, never from the request): {DataRoot}/{lab}/{folder}.
            storage.Value.LabData().Folder(Key.Lab, relative);
        }
        catch (LabPathException e)
        {
            throw new PlatformValidationException("folder", e.Message);
        }

        if (_scan is not null && datasource.State.Scan == ScanState.Scanning)
        {
            return datasource.State.Folder == relative
                ? Status()
                : throw new PlatformConflictException($"Datasource '{Key.Name}' is being scanned from '{datasource.State.Folder}'; wait for it to finish.");
        }

        // A scan whose results are stored may still be tidying up (its watchdog reminder): let it finish first,
        // so this request starts a scan of its own instead of being answered by the previous one.
        if (_scan is { } finishing)
            await finishing;

        await GrainFactory.GetGrain<IProjectGrain>(GrainKeys.Project(Key.Lab, Key.Project)).RegisterDatasourceAsync(Key.Name);
        // Chosen before the scan; a readable dataset.json found by the scan names the channels instead.
        if (chosen is not null)
            await StoreModalitiesAsync(chosen, ModalitySource.Chosen);
        datasource.State = datasource.State with { Folder = relative, Scan = ScanState.Scanning, Error = null };
        await datasource.WriteOrDeactivateAsync(this);
        await StartScanAsync();
        return Status();
    }

    public async Task<DatasourceStatus> SetModalitiesAsync(IReadOnlyList<string> modalities)
    {
        var chosen = ChannelModalities.Require(modalities);
        if (datasource.State.Folder is null)
            throw new PlatformNotFoundException($"Datasource '{Key.Name}' is not registered yet.");
        if (_modalities?.Source == ModalitySource.DatasetJson)
            throw new PlatformConflictException($"Datasource '{Key.Name}' takes its channel modalities from its dataset.json ({ChannelModalities.Describe(_modalities.Modalities)}): change channel_names there and rescan.");
        await StoreModalitiesAsync(chosen, ModalitySource.Chosen);
        return Status();
    }

    private async Task StoreModalitiesAsync(IReadOnlyList<string> names, ModalitySource source)
    {
        await modalities.ReplaceAsync(CatalogKey, names, source);
        _modalities = new ModalityStore.Stored(names, source);
    }

    public Task<DatasourceStatus> RescanAsync() =>
        datasource.State.Folder is { } folder
            ? RegisterAsync(folder)
            : throw new PlatformNotFoundException($"Datasource '{Key.Name}' has no folder registered yet.");

    public Task<DatasourceStatus?> GetStatusAsync() => Task.FromResult(datasource.State.Folder is null ? null : Status());

    public Task<CasePage> ListCasesAsync(CaseQuery query)
    {
        if (query.PageSize is < 1 or > CaseQuery.MaxPageSize || query.Page < 0)
            throw new PlatformValidationException("pageSize", $"Ask for pages of 1 to {CaseQuery.MaxPageSize} cases, from page 0.");
        // Counts from the last scan answer "how many" without counting 300,000 rows per page; a prefix filter is counted.
        var counts = datasource.State.Counts;
        long? total = !string.IsNullOrEmpty(query.CaseIdPrefix) || datasource.State.Scan == ScanState.Scanning ? null : query.Status switch
        {
            null => counts.Valid + counts.Flagged + counts.Invalid,
            CaseStatus.Valid => counts.Valid,
            CaseStatus.Flagged => counts.Flagged,
            _ => counts.Invalid,
        };
        return catalog.QueryAsync(CatalogKey, query, total);
    }

    public async Task<CaseFileSet> GetCaseFilesAsync(string caseId)
    {
        CaseIds.Require(caseId);
        var stored = await catalog.CaseFilesAsync(CatalogKey, caseId)
            ?? throw new PlatformNotFoundException($"Datasource '{Key.Name}' has no case '{caseId}'.");
        var paths = ScanRows.FilePaths(stored);
        // A case whose files never paired (an unpaired image, a bad name) is catalogued with no files at all.
        return paths.Count < 2
            ? throw new PlatformNotFoundException($"Case '{caseId}' of datasource '{Key.Name}' has no image and label pair to show; its problems are listed in the case table.")
            : new CaseFileSet(caseId, Key.Name, paths[..^1], paths[^1]);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        datasource.State.Scan == ScanState.Scanning && _scan is null ? StartScanAsync() : Task.CompletedTask;

    private async Task StartScanAsync()
    {
        await this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        this.DelayDeactivation(TimeSpan.FromHours(6));
        _progress = default;
        _scan = ScanAsync();
    }

    private async Task ScanAsync()
    {
        var started = clock.GetUtcNow();
        try
        {
            var previous = ScanRows.Previous(await catalog.SignaturesAsync(CatalogKey));
            var options = new ScanOptions
            {
                MemoryBudgetBytes = storage.Value.ScanMemoryBudgetBytes,
                Validation = CaseValidationOptions.Default with { SampleCap = StoredSampleCap },
            };
            // Resolved again for every scan: the folder (or a link in it) may have changed since it was registered.
            var location = storage.Value.LabData().Folder(Key.Lab, datasource.State.Folder!);
            var progress = new Progress(p =>
            {
                PlatformMetrics.ScanProgressed(this.GetPrimaryKeyString(), p.Done, p.Total, p.Done - _progress.Done);
                _progress = p;
            });
            var result = await Task.Run(() => DatasourceScanner.ScanAsync(location, previous, options, progress));

            await catalog.DeleteAsync(CatalogKey, result.Removed);
            await catalog.UpsertAsync(CatalogKey, ScanRows.From(result));
            if (result.DatasetJson is { } datasetJson)
                await StoreModalitiesAsync(ScanRows.Modalities(datasetJson), ModalitySource.DatasetJson);
            await labelNames.ReplaceDatasourceAsync(Key.Lab, Key.Project, Key.Name, result.DatasetJson is { } named ? ScanRows.LabelNames(named) : new Dictionary<int, string>());
            var (valid, flagged, invalid) = await catalog.CountsAsync(CatalogKey);
            var read = result.Cases.Count(c => c.Report is not null);
            await RefreshFingerprintsAsync();
            datasource.State = datasource.State with
            {
                Scan = ScanState.Idle,
                Layout = result.Layout.ToString(),
                Counts = new DatasourceCounts(valid, flagged, invalid, read, result.Cases.Count - read, result.Removed.Count),
                DatasourceProblems = ScanRows.DatasourceProblems(result).ToList(),
                LastScanFinishedAt = clock.GetUtcNow(),
            };
            LogScanned(logger, this.GetPrimaryKeyString(), read, result.Removed.Count, valid, flagged, invalid, (clock.GetUtcNow() - started).TotalSeconds);
        }
        catch (Exception e)
        {
            datasource.State = datasource.State with { Scan = ScanState.Failed, Error = e.Message, LastScanFinishedAt = clock.GetUtcNow() };
            LogScanFailed(logger, e, this.GetPrimaryKeyString());
        }
        finally
        {
            PlatformMetrics.ScanProgressed(this.GetPrimaryKeyString(), done: 0, total: 0, newlyRead: 0);
            await datasource.WriteOrDeactivateAsync(this);
            if (await this.GetReminder(WatchdogReminder) is { } reminder)
                await this.UnregisterReminder(reminder);
            _scan = null;
        }
    }

    /// <summary>A fingerprint that cannot be stored (no usable case yet, the database away) never fails the scan; readers compute it then.</summary>
    private async Task RefreshFingerprintsAsync()
    {
        try
        {
            await fingerprints.RefreshAfterScanAsync(Key.Lab, Key.Project, Key.Name);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or System.Text.Json.JsonException)
        {
            LogFingerprintFailed(logger, e, this.GetPrimaryKeyString());
        }
    }

    private DatasourceStatus Status() => new(
        Key.Name,
        datasource.State.Folder ?? "",
        datasource.State.Layout,
        datasource.State.Scan,
        _progress.Done,
        _progress.Total,
        _progress.Failed,
        datasource.State.Counts,
        datasource.State.DatasourceProblems,
        datasource.State.LastScanFinishedAt,
        datasource.State.Error,
        _modalities?.Modalities,
        _modalities?.Source ?? ModalitySource.NotSet);

    /// <summary>Keeps the latest progress report; the scanner reports from pool threads.</summary>
    private sealed class Progress(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Datasource {Key} scanned: {Read} read, {Removed} removed; {Valid} valid, {Flagged} flagged, {Invalid} invalid in {Seconds:0.0} s")]
    private static partial void LogScanned(ILogger logger, string key, int read, int removed, int valid, int flagged, int invalid, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Datasource {Key}: the fingerprint could not be stored after the scan")]
    private static partial void LogFingerprintFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Datasource {Key} scan failed")]
    private static partial void LogScanFailed(ILogger logger, Exception exception, string key);
}
