using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Models;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Datasources;
using Platform.Grains.Storage;
using Platform.Grains.Tenancy;
using Platform.Grains.Training;

namespace Platform.Grains.Predictions;

/// <summary>
/// Owns one prediction job: its durable record, its status and its files. The work is scheduled: the job goes to the
/// training scheduler, which places it on a training slot (<see cref="IPredictionWorkerGrain"/>); the worker reports
/// progress and the outcome here. A lost silo puts the job back in the queue (predicted cases stay written, so the
/// next placement skips them), and a reminder hands the job to the scheduler again should it ever be missing there.
/// </summary>
public sealed partial class PredictionGrain(
    [PersistentState("prediction", StorageNames.Platform)] IPersistentState<PredictionRecord> prediction,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<PredictionGrain> logger) : Grain, IPredictionGrain, IRemindable
{
    private const string WatchdogReminder = "prediction-watchdog";

    /// <summary>The most cases one job predicts (a page's worth of choosing; start another job for more).</summary>
    private const int MaxCases = 500;

    /// <summary>How long a cancel waits for the worker to stop between cases before it answers (within a call's 30 s).</summary>
    private static readonly TimeSpan CancelWait = TimeSpan.FromSeconds(20);

    private PredictionProgress? _progress;

    private (string Lab, string Project, string Id) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    private PredictionRecord Record => prediction.State;

    private bool Running => Record.State == PredictionState.Running && Record.JobId.Length > 0;

    private ITrainingSchedulerGrain Scheduler => GrainFactory.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // From a one-off timer: an activation (a progress read) must not wait on the scheduler, which may be moving off a lost silo.
        if (Running)
            this.RegisterGrainTimer(_ => QueueAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public async Task<string> UploadAsync(string fileName, byte[] content)
    {
        RequireDraft();
        var caseId = PredictionUploads.CaseIdOf(fileName);
        if (content is null || content.Length == 0 || content.Length > PredictionUploads.MaxBytes)
            throw new PlatformValidationException("file", $"'{Path.GetFileName(fileName)}' is empty or larger than {PredictionUploads.MaxBytes >> 20} MiB.");
        var gzipped = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        if (gzipped && content is not [0x1f, 0x8b, ..])
            throw new PlatformValidationException("file", $"'{Path.GetFileName(fileName)}' is named .nii.gz but is not gzip-compressed.");
        var (lab, project, id) = Key;
        var workRoot = storage.Value.RequireWorkRoot();
        var target = PredictionFolders.InputOf(workRoot, lab, project, id, caseId, gzipped);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllBytesAsync(target, content);
        // A case uploaded again in the other form replaces the first.
        var other = PredictionFolders.InputOf(workRoot, lab, project, id, caseId, !gzipped);
        if (File.Exists(other))
            File.Delete(other);
        prediction.State = Record with { Uploads = [.. Record.Uploads.Where(u => u != caseId), caseId] };
        await prediction.WriteOrDeactivateAsync(this);
        return caseId;
    }

    public async Task<PredictionSnapshot> StartAsync(PredictionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireDraft();
        var (lab, project, _) = Key;
        var description = await GrainFactory.GetGrain<IModelGrain>(GrainKeys.Model(lab, project, request.Model)).DescribeAsync()
            ?? throw new PlatformConflictException($"The {request.Model} has no model package yet: predict once it has completed.");
        var cases = new List<PredictionCaseRecord>();
        foreach (var item in request.Cases.Distinct())
        {
            var files = await GrainFactory.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(lab, project, item.Datasource)).GetCaseFilesAsync(item.CaseId);
            if (files.Images.Count != 1 && files.Images.Count != description.Channels)
                throw new PlatformValidationException("cases", $"Case '{item.CaseId}' has {files.Images.Count} image channels; the model reads {description.Channels}.");
            cases.Add(new PredictionCaseRecord { CaseId = files.CaseId, Datasource = item.Datasource, Images = [.. files.Images] });
        }

        cases.AddRange(Record.Uploads.Select(u => new PredictionCaseRecord { CaseId = u }));
        if (cases.Count == 0)
            throw new PlatformValidationException("cases", "Choose at least one case, or upload an image.");
        if (cases.Count > MaxCases)
            throw new PlatformValidationException("cases", $"{cases.Count} cases: one prediction takes at most {MaxCases}; start another for the rest.");
        if (cases.GroupBy(c => c.CaseId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new PlatformValidationException("cases", $"Case id '{twice.Key}' is chosen twice (two datasources, or a datasource and an upload): predictions are stored by case id.");

        prediction.State = Record with
        {
            ModelKind = request.Model.Kind,
            ModelName = request.Model.Name,
            Cases = cases,
            JobId = Guid.NewGuid().ToString("N"),
            State = PredictionState.Running,
            StartedBy = VerifiedCaller.Require().PrincipalId,
            StartedAt = clock.GetUtcNow(),
        };
        _progress = null;
        // Stored before the scheduler hears of it: a job the scheduler places always finds its record here.
        await prediction.WriteOrDeactivateAsync(this);
        await QueueAsync();
        LogStarted(logger, this.GetPrimaryKeyString(), request.Model.ToString(), cases.Count);
        return Snapshot();
    }

    public Task<PredictionSnapshot?> GetAsync() => Task.FromResult(Record.Exists ? Snapshot() : null);

    public async Task<PredictionSnapshot> CancelAsync()
    {
        if (!Record.Exists)
            throw new PlatformNotFoundException($"There is no prediction '{Key.Id}'.");
        if (!Running)
            return Snapshot();

        var jobId = Record.JobId;
        prediction.State = Record with { CancelRequested = true };
        await prediction.WriteOrDeactivateAsync(this);
        var cancellation = await Scheduler.CancelJobAsync(this.GetPrimaryKeyString(), jobId);
        if (cancellation == JobCancellation.Stopping)
        {
            // The worker stops between cases and reports (FinishJobAsync interleaves with this wait).
            var deadline = clock.GetUtcNow() + CancelWait;
            while (Running && Record.JobId == jobId && clock.GetUtcNow() < deadline)
                await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        if (Running && Record.JobId == jobId)
            await FinishJobAsync(jobId, new PredictionOutcome(PredictionState.Cancelled, _progress?.Finished ?? [], null));
        return Snapshot();
    }

    public async Task<PredictionSnapshot> RetryAsync()
    {
        if (!Record.Exists)
            throw new PlatformNotFoundException($"There is no prediction '{Key.Id}'.");
        if (Record.State != PredictionState.Failed)
            throw new PlatformConflictException($"Prediction '{Key.Id}' is {Record.State}; only a failed prediction can be retried.");
        // A new job id: a late word from the failed placement changes nothing. Written outputs are skipped by the worker.
        prediction.State = Record with
        {
            JobId = Guid.NewGuid().ToString("N"),
            State = PredictionState.Running,
            Error = null,
            FinishedAt = null,
            CancelRequested = false,
            Cases = [.. Record.Cases.Select(c => c with { Error = null })],
        };
        _progress = null;
        await prediction.WriteOrDeactivateAsync(this);
        await QueueAsync();
        LogRetried(logger, this.GetPrimaryKeyString());
        return Snapshot();
    }

    public Task<CasePrediction?> GetCasePredictionAsync(string caseId)
    {
        CaseIds.Require(caseId);
        if (Record.Cases.All(c => c.CaseId != caseId))
            return Task.FromResult<CasePrediction?>(null);
        var (lab, project, id) = Key;
        return RunPredictions.ReadFileAsync(PredictionFolders.OutputOf(storage.Value.RequireWorkRoot(), lab, project, id, caseId), caseId);
    }

    public Task<PredictionJob?> GetJobAsync(string jobId) => Task.FromResult(Running && Record.JobId == jobId
        ? new PredictionJob(jobId, Record.Model!, [.. Record.Cases.Select(c => new PredictionJobCase(c.CaseId, c.Images, c.Datasource is null))])
        : null);

    public Task ReportJobProgressAsync(string jobId, PredictionProgress progress)
    {
        if (Running && Record.JobId == jobId)
            _progress = progress;
        return Task.CompletedTask;
    }

    public async Task FinishJobAsync(string jobId, PredictionOutcome outcome)
    {
        // A late word from an earlier job, or about a job already settled, changes nothing.
        if (!Running || Record.JobId != jobId)
            return;
        prediction.State = Record with
        {
            State = outcome.State,
            Cases = PredictionSnapshots.Settle(Record.Cases, outcome.Finished),
            Error = outcome.Error,
            FinishedAt = clock.GetUtcNow(),
        };
        await prediction.WriteOrDeactivateAsync(this);
        await DropReminderAsync();
        LogFinished(logger, this.GetPrimaryKeyString(), outcome.State, outcome.Finished.Count(c => c.Done), outcome.Error);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Running ? QueueAsync() : DropReminderAsync();

    /// <summary>Hands the running job to the scheduler (idempotent) and keeps the watchdog reminder while it runs.</summary>
    private async Task QueueAsync()
    {
        await this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        if (Record.CancelRequested)
            return;
        await Scheduler.EnqueueJobAsync(new QueuedJob(this.GetPrimaryKeyString(), WorkKind.Prediction, Record.JobId, Record.StartedAt ?? clock.GetUtcNow()));
    }

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    private void RequireDraft()
    {
        if (Record.JobId.Length > 0)
            throw new PlatformConflictException($"Prediction '{Key.Id}' has started already: start a new prediction for other cases.");
    }

    private PredictionSnapshot Snapshot() => PredictionSnapshots.Of(Key.Id, Record, _progress);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prediction {Key} with the {Model} started: {Cases} cases")]
    private static partial void LogStarted(ILogger logger, string key, string model, int cases);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prediction {Key} retried after it failed")]
    private static partial void LogRetried(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prediction {Key} ended {State}: {Done} cases predicted ({Error})")]
    private static partial void LogFinished(ILogger logger, string key, PredictionState state, int done, string? error);
}
