using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Datasources;
using Platform.Grains.Fingerprints;
using Platform.Grains.Plans;
using Platform.Grains.Storage;
using Platform.Grains.Tenancy;
using Platform.Plans;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Storage;
using Platform.Training.Plans;

namespace Platform.Grains.Preprocessing;

/// <summary>
/// Runs a plan's preprocessing in the background of the activation (voxels on the thread pool, state writes back
/// on the grain), so status is answered while the job goes on. The job is durable in two ways: every finished
/// case is committed on disk by the library (a restarted job skips it), and a reminder re-activates the grain
/// after a lost silo, where the job starts again from the stored record without needing a caller.
/// It is the only writer of the plan's datasets: people start it, and runs ask it for theirs
/// (<see cref="PrepareDatasetAsync"/>); one job runs at a time, and a completed one marks its folder last
/// (<see cref="DatasetCompletion"/>).
/// </summary>
public sealed partial class PreprocessingGrain(
    [PersistentState("preprocessing", StorageNames.Platform)] IPersistentState<PreprocessingJobRecord> job,
    CaseCatalogStore catalog,
    PlanVersionStore plans,
    PlanDataFolder data,
    DatasetFingerprints fingerprints,
    IOptions<StorageOptions> storage,
    IOptions<PreprocessingOptions> options,
    TimeProvider clock,
    ILogger<PreprocessingGrain> logger) : Grain, IPreprocessingGrain, IRemindable
{
    private const string WatchdogReminder = "preprocessing-watchdog";
    private const int StoredFailureCap = 200;

    private Task? _run;
    private CancellationTokenSource? _stop;
    private bool _cancelRequested;
    private DatasetPreprocessingProgress? _progress;

    private (string Lab, string Project, string Name) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (job.State.State == PreprocessingJobState.Running && job.State.PlanVersion > 0)
            await StartRunAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Leaving the silo is not a cancel: the state stays Running and the reminder resumes the job elsewhere.
        if (_run is { } run)
        {
            await (_stop?.CancelAsync() ?? Task.CompletedTask);
            await run.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task<PreprocessingStatus> StartAsync()
    {
        var plan = await GrainFactory.GetGrain<IPlanGrain>(this.GetPrimaryKeyString()).GetAsync()
            ?? throw new PlatformNotFoundException($"Plan '{Key.Name}' has no saved version yet: save the plan first.");
        if (_run is not null && job.State.State == PreprocessingJobState.Running)
        {
            if (job.State.PlanVersion == plan.Version)
                return Status();
            // Never cancelled for another: a run may be waiting for that dataset.
            throw new PlatformConflictException($"Preprocessing of version {job.State.PlanVersion} (dataset {job.State.DatasetKey}) is running: wait for it, or cancel it first.");
        }

        var project = await GrainFactory.GetGrain<IProjectGrain>(GrainKeys.Project(Key.Lab, Key.Project)).GetAsync()
            ?? throw new PlatformNotFoundException($"Project '{Key.Project}' does not exist.");
        var datasources = ChooseSources(plan.Settings, project).Datasources;
        var by = VerifiedCaller.Require().PrincipalId;
        if (plan.Settings.Preprocessing.Mode == PreprocessingMode.Patch)
        {
            var (sourceFolder, normalization) = await SourcePlanAsync(plan.Settings);
            var cutting = PlanInterpretation.PatchCutting(plan.Settings);
            var datasetKey = PreprocessedDatasetKey.For(Key.Name, new { mode = "patch", source = sourceFolder, patch = plan.Settings.Network.PatchSize, overlap = cutting.Overlap });
            await StartJobAsync(new PreprocessingJobRecord
            {
                PlanVersion = plan.Version,
                DatasetKey = datasetKey,
                Folder = PreprocessingDatasets.Folder(Key.Lab, Key.Project, datasetKey),
                Datasources = [.. datasources],
                Normalization = normalization,
                SourceFolder = sourceFolder,
            }, by);
        }
        else
        {
            await StartJobAsync(await data.ForVersionAsync(Key.Lab, Key.Project, plan), plan.Version, by);
        }

        return Status();
    }

    public async Task<DatasetPreparation> PrepareDatasetAsync(DatasetRequest request, string? followedJob)
    {
        var record = job.State;
        var running = _run is not null && record.State == PreprocessingJobState.Running;
        if (running && record.DatasetKey == request.DatasetKey && record.FingerprintId == request.FingerprintId)
            return PreprocessingStatuses.Preparing(record, _progress);
        if (followedJob is not null && record.JobId == followedJob && record.State is PreprocessingJobState.Failed or PreprocessingJobState.Cancelled)
            return PreprocessingStatuses.Failed(followedJob, $"Preprocessing of dataset {record.DatasetKey} {(record.State == PreprocessingJobState.Failed ? "failed: " + record.Error : "was cancelled")}.");
        var folder = PreprocessingDatasets.Absolute(storage.Value.RequireWorkRoot(), PreprocessingDatasets.Folder(Key.Lab, Key.Project, request.DatasetKey));
        if (await DatasetCompletion.ReadAsync(folder) is { } done && done.Covers(request.DatasetKey, request.FingerprintId ?? 0))
            return new DatasetPreparation(DatasetPreparationState.Ready, done.LastJob, done.Cases, done.Cases, $"Dataset {request.DatasetKey} is ready.");
        if (running)
            return new DatasetPreparation(DatasetPreparationState.Waiting, null, 0, 0,
                $"Waiting for preprocessing: the plan's job for dataset {record.DatasetKey} (version {record.PlanVersion}) runs first.");

        var version = await plans.GetAsync(Key.Lab, Key.Project, Key.Name, request.PlanVersion);
        if (version is null)
            return PreprocessingStatuses.Failed(null, $"Plan '{Key.Name}' version {request.PlanVersion} is no longer stored.");
        try
        {
            var resolved = await data.ForFingerprintAsync(Key.Lab, Key.Project, Key.Name, version.Settings, request.FingerprintId);
            if (resolved.Dataset.Key != request.DatasetKey)
                return PreprocessingStatuses.Failed(null, $"Version {request.PlanVersion} with fingerprint {request.FingerprintId} gives dataset {resolved.Dataset.Key}, not {request.DatasetKey}.");
            await StartJobAsync(resolved, request.PlanVersion, "platform");
        }
        catch (PlatformException e)
        {
            return PreprocessingStatuses.Failed(null, $"The dataset cannot be prepared: {e.Message}");
        }

        return PreprocessingStatuses.Preparing(job.State, _progress);
    }

    private Task StartJobAsync(PlanDataFolder.Resolved resolved, int planVersion, string startedBy) => StartJobAsync(new PreprocessingJobRecord
    {
        PlanVersion = planVersion,
        DatasetKey = resolved.Dataset.Key,
        Folder = resolved.Dataset.RelativeFolder,
        Datasources = [.. resolved.Datasources],
        Normalization = [.. resolved.Normalization],
        FingerprintId = resolved.FingerprintId,
    }, startedBy);

    private async Task StartJobAsync(PreprocessingJobRecord record, string startedBy)
    {
        job.State = record with
        {
            JobId = Guid.NewGuid().ToString("N"),
            State = PreprocessingJobState.Running,
            StartedAt = clock.GetUtcNow(),
            StartedBy = startedBy,
        };
        await job.WriteStateAsync();
        await StartRunAsync();
    }

    public Task<PreprocessingStatus?> GetStatusAsync() => Task.FromResult(job.State.PlanVersion == 0 ? null : Status());

    public async Task<PreprocessingStatus> CancelAsync()
    {
        if (job.State.PlanVersion == 0)
            throw new PlatformNotFoundException($"Plan '{Key.Name}' has never been preprocessed.");
        if (job.State.State == PreprocessingJobState.Running)
            await StopRunAsync();
        return Status();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        job.State.State == PreprocessingJobState.Running && _run is null ? StartRunAsync() : Task.CompletedTask;

    private async Task StopRunAsync()
    {
        _cancelRequested = true;
        await (_stop?.CancelAsync() ?? Task.CompletedTask);
        if (_run is { } run)
            await run;
        if (job.State.State == PreprocessingJobState.Running)
        {
            // No run was in flight (e.g. between a lost silo and the reminder): record the cancel directly.
            job.State = job.State with { State = PreprocessingJobState.Cancelled, FinishedAt = clock.GetUtcNow() };
            await job.WriteStateAsync();
            await DropReminderAsync();
        }
    }

    private async Task StartRunAsync()
    {
        await this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        this.DelayDeactivation(TimeSpan.FromHours(12));
        _cancelRequested = false;
        _progress = null;
        _stop = new CancellationTokenSource();
        _run = RunAsync(_stop.Token);
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var record = job.State;
        try
        {
            var workRoot = storage.Value.RequireWorkRoot();
            var output = PreprocessingDatasets.Absolute(workRoot, record.Folder);
            var progress = new Progress(p => _progress = p);
            DatasetPreprocessingReport report;
            IReadOnlyList<PreprocessingFailure> unresolved = [];
            var snapshot = await plans.GetAsync(Key.Lab, Key.Project, Key.Name, record.PlanVersion)
                ?? throw new InvalidOperationException($"Plan version {record.PlanVersion} is no longer stored.");
            if (record.SourceFolder is { } source)
            {
                var cutting = PlanInterpretation.PatchCutting(snapshot.Settings);
                var request = new PatchDatasetRequest
                {
                    SourceFolder = PreprocessingDatasets.Absolute(workRoot, source),
                    OutputFolder = output,
                    PatchSize = cutting.PatchSize,
                    Overlap = cutting.Overlap,
                    MaxParallelism = options.Value.MaxParallelism,
                };
                report = await Task.Run(() => PatchDatasetCutter.RunAsync(request, progress, stop), stop);
            }
            else
            {
                var settings = PlanInterpretation.Case(snapshot.Settings, record.Normalization);
                var rows = await FrozenCasesAsync(await catalog.UsableCaseFilesAsync(Key.Lab, Key.Project, record.Datasources), record.FingerprintId);
                var inputs = PreprocessingInputs.Resolve(storage.Value.LabData(), Key.Lab, rows, PlanInterpretation.Sources(snapshot.Settings, record.Datasources).ImportedLabelFolder);
                unresolved = inputs.Failures;
                var request = new DatasetPreprocessingRequest
                {
                    OutputFolder = output,
                    Cases = inputs.Cases,
                    Settings = settings,
                    MaxParallelism = options.Value.MaxParallelism,
                    MemoryBudgetBytes = options.Value.MemoryBudgetBytes,
                };
                report = await Task.Run(() => DatasetPreprocessor.RunAsync(request, progress, stop), stop);
            }

            var failures = unresolved.Concat(report.Failures.Select(f => new PreprocessingFailure(f.CaseId, f.Reason))).ToList();
            // Last of all the dataset's files: readers that find it know every case of this job is committed.
            await DatasetCompletion.RecordAsync(output, record.DatasetKey, record.FingerprintId ?? 0, report.Summary.CaseCount, report.Processed, record.JobId, clock.GetUtcNow());
            job.State = job.State with
            {
                State = PreprocessingJobState.Completed,
                Total = report.Total + unresolved.Count,
                Done = report.Processed,
                Skipped = report.Skipped,
                Failed = failures.Count,
                Failures = failures.Take(StoredFailureCap).ToList(),
                Summary = PreprocessedOverviewMapping.From(report.Summary),
                FinishedAt = clock.GetUtcNow(),
                Error = null,
            };
            LogCompleted(logger, this.GetPrimaryKeyString(), report.Processed, report.Skipped, failures.Count, report.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            if (!_cancelRequested)
                return; // the silo is shutting down: stay Running for the reminder
            job.State = job.State with { State = PreprocessingJobState.Cancelled, FinishedAt = clock.GetUtcNow() };
        }
        catch (Exception e)
        {
            job.State = job.State with { State = PreprocessingJobState.Failed, Error = e.Message, FinishedAt = clock.GetUtcNow() };
            LogFailed(logger, e, this.GetPrimaryKeyString());
        }
        finally
        {
            if (job.State.State != PreprocessingJobState.Running)
            {
                job.State = job.State with { Done = _progress?.Done ?? job.State.Done };
                await job.WriteStateAsync();
                await DropReminderAsync();
            }

            _run = null;
        }
    }

    /// <summary>The usable cases that the job's fingerprint was taken from: cases scanned later belong to a later version's data.</summary>
    private async Task<IReadOnlyList<(string CaseId, string Datasource, string FilesJson)>> FrozenCasesAsync(
        IReadOnlyList<(string CaseId, string Datasource, string FilesJson)> rows, long? fingerprintId)
    {
        if (fingerprintId is not { } id)
            return rows;
        var stored = await fingerprints.GetAsync(Key.Lab, Key.Project, id)
            ?? throw new InvalidOperationException($"Fingerprint {id} is no longer stored.");
        var frozen = stored.CaseIds.ToHashSet(StringComparer.Ordinal);
        return [.. rows.Where(r => frozen.Contains(StoredFingerprint.CaseKey(r.Datasource, r.CaseId)))];
    }

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    /// <summary>Patch mode cuts the source plan's finished output, with the source's normalisation (the voxels are its).</summary>
    private async Task<(string Folder, List<Platform.Preprocessing.Cases.ChannelNormalization> Normalization)> SourcePlanAsync(PlanSettings settings)
    {
        var source = PlanInterpretation.PatchCutting(settings).SourcePlan;
        var status = await GrainFactory.GetGrain<IPreprocessingGrain>(GrainKeys.Plan(Key.Lab, Key.Project, source)).GetStatusAsync();
        if (status is not { State: PreprocessingJobState.Completed })
            throw new PlatformConflictException($"The source plan '{source}' has no completed preprocessing: preprocess it first.");
        return (PreprocessingDatasets.Folder(Key.Lab, Key.Project, status.DatasetKey), []);
    }

    private static PlanSources ChooseSources(PlanSettings plan, ProjectSummary project)
    {
        var sources = PlanInterpretation.Sources(plan, project.Datasources);
        if (sources.Datasources.Count == 0)
            throw new PlatformValidationException("data.datasources", $"Project '{project.Title}' has no datasources yet: register one first.");
        var unknown = sources.Datasources.Except(project.Datasources).ToList();
        return unknown.Count == 0
            ? sources
            : throw new PlatformValidationException("data.datasources", $"Not datasources of project '{project.Title}': {string.Join(", ", unknown)}.");
    }

    private PreprocessingStatus Status() => PreprocessingStatuses.Of(Key.Name, job.State, _progress);

    /// <summary>Keeps the latest progress report; the library reports from worker threads.</summary>
    private sealed class Progress(Action<DatasetPreprocessingProgress> report) : IProgress<DatasetPreprocessingProgress>
    {
        public void Report(DatasetPreprocessingProgress value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Preprocessing {Key} finished: {Done} done, {Skipped} skipped, {Failed} failed in {Seconds:0.0} s")]
    private static partial void LogCompleted(ILogger logger, string key, int done, int skipped, int failed, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Preprocessing {Key} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string key);
}
