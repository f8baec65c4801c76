using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Datasources;
using Platform.Grains.Plans;
using Platform.Grains.Storage;
using Platform.Grains.Tenancy;
using Platform.Plans;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Storage;
using Platform.Training.Plans;

namespace Platform.Grains.Preprocessing;

/// <summary>
/// Owns a plan's preprocessing job: its durable record, its status and the runs waiting for its dataset. The work
/// itself is scheduled: the job goes to the training scheduler, which places it on a silo's preprocessing slot
/// (<see cref="IPreprocessingWorkerGrain"/>); the worker reports progress and the outcome here. A lost silo puts the
/// job back in the queue (finished cases are committed on disk, so the next placement skips them), and a reminder
/// hands the job to the scheduler again should it ever be missing there.
/// It is the only writer of the plan's datasets: people start it, and runs ask it for theirs
/// (<see cref="PrepareDatasetAsync"/>); one job runs at a time, and a completed one marks its folder last
/// (<see cref="DatasetCompletion"/>).
/// </summary>
public sealed partial class PreprocessingGrain(
    [PersistentState("preprocessing", StorageNames.Platform)] IPersistentState<PreprocessingJobRecord> job,
    PlanVersionStore plans,
    PlanDataFolder data,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<PreprocessingGrain> logger) : Grain, IPreprocessingGrain, IRemindable
{
    private const string WatchdogReminder = "preprocessing-watchdog";

    /// <summary>How long a cancel waits for the worker to stop between cases before it answers (within a call's 30 s).</summary>
    private static readonly TimeSpan CancelWait = TimeSpan.FromSeconds(20);

    private PreprocessingJobProgress? _progress;

    private (string Lab, string Project, string Name) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    private bool Running => job.State.State == PreprocessingJobState.Running && job.State.PlanVersion > 0;

    private ITrainingSchedulerGrain Scheduler => GrainFactory.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Queued from a one-off timer, not here: an activation (a status read) must not wait on the scheduler, which
        // may be moving off a lost silo. The scheduler takes the same job again without a second entry.
        if (Running)
            this.RegisterGrainTimer(_ => QueueAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public async Task<PreprocessingStatus> StartAsync()
    {
        var plan = await GrainFactory.GetGrain<IPlanGrain>(this.GetPrimaryKeyString()).GetAsync()
            ?? throw new PlatformNotFoundException($"Plan '{Key.Name}' has no saved version yet: save the plan first.");
        if (Running)
        {
            if (job.State.PlanVersion == plan.Version && !job.State.CancelRequested)
                return Status();
            // Never cancelled for another: a run may be waiting for that dataset.
            throw new PlatformConflictException(job.State.CancelRequested
                ? $"Preprocessing of version {job.State.PlanVersion} is being cancelled: start again once it has stopped."
                : $"Preprocessing of version {job.State.PlanVersion} (dataset {job.State.DatasetKey}) is running: wait for it, or cancel it first.");
        }

        var project = await GrainFactory.GetGrain<IProjectGrain>(GrainKeys.Project(Key.Lab, Key.Project)).GetAsync()
            ?? throw new PlatformNotFoundException($"Project '{Key.Project}' does not exist.");
        var datasources = ChooseSources(plan.Settings, project).Datasources;
        var by = VerifiedCaller.Require().PrincipalId;
        if (plan.Settings.Preprocessing.Mode == PreprocessingMode.Patch)
        {
            var sourceFolder = await SourcePlanFolderAsync(plan.Settings);
            var cutting = PlanInterpretation.PatchCutting(plan.Settings);
            var datasetKey = PreprocessedDatasetKey.For(Key.Name, new { mode = "patch", source = sourceFolder, patch = plan.Settings.Network.PatchSize, overlap = cutting.Overlap });
            await StartJobAsync(new PreprocessingJobRecord
            {
                PlanVersion = plan.Version,
                DatasetKey = datasetKey,
                Folder = PreprocessingDatasets.Folder(Key.Lab, Key.Project, datasetKey),
                Datasources = [.. datasources],
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
        if (Running && record.DatasetKey == request.DatasetKey && record.FingerprintId == request.FingerprintId && !record.CancelRequested)
            return PreprocessingStatuses.Preparing(record, _progress);
        if (followedJob is not null && record.JobId == followedJob && record.State is PreprocessingJobState.Failed or PreprocessingJobState.Cancelled)
            return PreprocessingStatuses.Failed(followedJob, $"Preprocessing of dataset {record.DatasetKey} {(record.State == PreprocessingJobState.Failed ? "failed: " + record.Error : "was cancelled")}.");
        var folder = PreprocessingDatasets.Absolute(storage.Value.RequireWorkRoot(), PreprocessingDatasets.Folder(Key.Lab, Key.Project, request.DatasetKey));
        if (await DatasetCompletion.ReadAsync(folder) is { } done && done.Covers(request.DatasetKey, request.FingerprintId ?? 0))
            return new DatasetPreparation(DatasetPreparationState.Ready, done.LastJob, done.Cases, done.Cases, $"Dataset {request.DatasetKey} is ready.");
        if (Running)
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
        _progress = null;
        // Stored before the scheduler hears of it: a job the scheduler places always finds its record here.
        await job.WriteOrDeactivateAsync(this);
        await QueueAsync();
    }

    /// <summary>Hands the running job to the scheduler (idempotent) and keeps the watchdog reminder while it runs.</summary>
    private async Task QueueAsync()
    {
        await this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        if (job.State.CancelRequested)
            return;
        try
        {
            await Scheduler.EnqueueJobAsync(new QueuedJob(this.GetPrimaryKeyString(), WorkKind.Preprocessing, job.State.JobId, job.State.StartedAt));
        }
        catch (PlatformConflictException e)
        {
            // A cancelled job of this plan has not left its slot yet: the watchdog queues this one once it has.
            LogQueueLater(logger, this.GetPrimaryKeyString(), e.Message);
        }
    }

    public Task<PreprocessingStatus?> GetStatusAsync() => Task.FromResult(job.State.PlanVersion == 0 ? null : Status());

    public Task<PreprocessingJobSpec?> GetJobAsync(string jobId)
    {
        var record = job.State;
        // A job being cancelled is still given: its worker's token is cancelled, so it stops at once and reports it.
        return Task.FromResult(Running && record.JobId == jobId
            ? new PreprocessingJobSpec(record.JobId, record.PlanVersion, record.DatasetKey, record.Folder, record.Datasources, record.FingerprintId, record.SourceFolder)
            : null);
    }

    public Task ReportJobProgressAsync(string jobId, PreprocessingJobProgress progress)
    {
        if (Running && job.State.JobId == jobId)
            _progress = progress;
        return Task.CompletedTask;
    }

    public async Task FinishJobAsync(string jobId, PreprocessingJobOutcome outcome)
    {
        // A late word from an earlier job, or about a job already settled, changes nothing.
        if (!Running || job.State.JobId != jobId)
            return;
        job.State = job.State with
        {
            State = outcome.State,
            Total = outcome.Total,
            Done = outcome.Done,
            Skipped = outcome.Skipped,
            Failed = outcome.Failed,
            Failures = [.. outcome.Failures],
            Summary = outcome.Summary,
            Error = outcome.Error,
            FinishedAt = clock.GetUtcNow(),
        };
        await job.WriteOrDeactivateAsync(this);
        await DropReminderAsync();
        if (outcome.State == PreprocessingJobState.Completed)
            LogCompleted(logger, this.GetPrimaryKeyString(), outcome.Done, outcome.Skipped, outcome.Failed);
        else if (outcome.State == PreprocessingJobState.Failed)
            LogFailed(logger, this.GetPrimaryKeyString(), outcome.Error);
    }

    public async Task<PreprocessingStatus> CancelAsync()
    {
        if (job.State.PlanVersion == 0)
            throw new PlatformNotFoundException($"Plan '{Key.Name}' has never been preprocessed.");
        if (!Running)
            return Status();

        var jobId = job.State.JobId;
        job.State = job.State with { CancelRequested = true };
        await job.WriteOrDeactivateAsync(this);
        var cancellation = await Scheduler.CancelJobAsync(this.GetPrimaryKeyString(), jobId);
        if (cancellation == JobCancellation.Stopping)
        {
            // The worker stops between cases and reports (FinishJobAsync interleaves with this wait): answer once it
            // has, so a person who cancels sees a stopped job whose folder no one writes any more.
            var deadline = clock.GetUtcNow() + CancelWait;
            while (Running && job.State.JobId == jobId && clock.GetUtcNow() < deadline)
                await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        if (Running && job.State.JobId == jobId)
            await FinishJobAsync(jobId, PreprocessingJobOutcome.Stopped(PreprocessingJobState.Cancelled, _progress, null));
        return Status();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Running ? QueueAsync() : DropReminderAsync();

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    /// <summary>Patch mode cuts the source plan's finished output (its voxels are already normalised).</summary>
    private async Task<string> SourcePlanFolderAsync(PlanSettings settings)
    {
        var source = PlanInterpretation.PatchCutting(settings).SourcePlan;
        var status = await GrainFactory.GetGrain<IPreprocessingGrain>(GrainKeys.Plan(Key.Lab, Key.Project, source)).GetStatusAsync();
        if (status is not { State: PreprocessingJobState.Completed })
            throw new PlatformConflictException($"The source plan '{source}' has no completed preprocessing: preprocess it first.");
        return PreprocessingDatasets.Folder(Key.Lab, Key.Project, status.DatasetKey);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Preprocessing {Key} is queued later: {Reason}")]
    private static partial void LogQueueLater(ILogger logger, string key, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Preprocessing {Key} finished: {Done} done, {Skipped} skipped, {Failed} failed")]
    private static partial void LogCompleted(ILogger logger, string key, int done, int skipped, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Preprocessing {Key} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string key, string? error);
}
