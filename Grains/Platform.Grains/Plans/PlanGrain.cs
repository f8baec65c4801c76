using Microsoft.Extensions.Logging;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Fingerprints;
using Platform.Grains.Preprocessing;
using Platform.Grains.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.Plans;
using Platform.Training.Plans;

namespace Platform.Grains.Plans;

/// <summary>
/// Versions live in plan_version (no grain state to keep in step); the activation caches the latest one.
/// Saves are serialised by the grain, and the table's primary key refuses a duplicate version even across
/// activations, so a stale save can never overwrite a newer one. Every save records the stored fingerprint of the
/// plan's data at that moment: the statistics the version preprocesses, trains and evaluates with.
/// </summary>
public sealed partial class PlanGrain(
    PlanVersionStore versions,
    PlanDataFolder data,
    DatasetFingerprints fingerprints,
    TimeProvider clock,
    ILogger<PlanGrain> logger) : Grain, IPlanGrain
{
    private string _lab = "", _project = "", _name = "";
    private PlanSnapshot? _latest;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_lab, _project, _name) = GrainKeys.Parse(this.GetPrimaryKeyString());
        _latest = await versions.LatestAsync(_lab, _project, _name);
    }

    public async Task<PlanSnapshot?> GetAsync()
    {
        // A version saved before its data was scanned gets its fingerprint pinned by its first run, in the table.
        if (_latest is { FingerprintId: null })
            _latest = await versions.LatestAsync(_lab, _project, _name);
        return _latest;
    }

    public async Task<PlanRevisionResult> ReviseAsync(PlanSettings settings, int basedOnVersion, string? comment)
    {
        PlanNameRules.Require(_name);
        if (basedOnVersion != (_latest?.Version ?? 0))
            return PlanRevisionResult.Conflict(_latest, settings);

        var errors = PlanRules.Check(settings);
        if (errors.Count > 0)
            return PlanRevisionResult.Invalid(_latest, errors);

        // Every save checks the project exists and is not archived; plan_version itself is the project's plan list.
        await GrainFactory.GetGrain<IProjectGrain>(GrainKeys.Project(_lab, _project)).RequireWritableAsync();

        var snapshot = new PlanSnapshot(_name, basedOnVersion + 1, settings, VerifiedCaller.Require().PrincipalId, clock.GetUtcNow(),
            string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), await data.CurrentFingerprintIdAsync(_lab, _project, settings));
        if (!await versions.TryInsertAsync(_lab, _project, snapshot))
        {
            _latest = await versions.LatestAsync(_lab, _project, _name);
            return PlanRevisionResult.Conflict(_latest, settings);
        }

        _latest = snapshot;
        LogSaved(logger, this.GetPrimaryKeyString(), snapshot.Version, snapshot.Author);
        return PlanRevisionResult.Saved(snapshot);
    }

    public async Task<PlanSnapshot> GetVersionAsync(int version) =>
        await versions.GetAsync(_lab, _project, _name, version)
        ?? throw new PlatformNotFoundException($"Plan '{_name}' has no version {version}.");

    public async Task<DataDrift> GetDataDriftAsync(int version) =>
        await fingerprints.DriftAsync(_lab, _project, (await GetVersionAsync(version)).FingerprintId, "this plan version was configured");

    public async Task<TrainingTimeEstimate> GetTrainingEstimateAsync(int version)
    {
        var settings = (await GetVersionAsync(version)).Settings;
        TrainingCostEstimate gpu, cpu;
        try
        {
            gpu = TrainingCostEstimate.Of(settings, TrainingHardware.Gpu);
            cpu = TrainingCostEstimate.Of(settings, TrainingHardware.Cpu);
        }
        catch (PlanFieldException e)
        {
            throw new PlatformValidationException(e.Field, e.Message);
        }

        var devices = await GrainFactory.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler).GetTrainingDevicesAsync();
        return new TrainingTimeEstimate(settings.Training.Epochs, settings.Training.IterationsPerEpoch, devices.GpuSlots, devices.CpuSlots,
            Time(gpu), Time(cpu), cpu.SizedForGpu);

        static TrainingTime Time(TrainingCostEstimate estimate) => new(estimate.PerIteration, estimate.PerEpoch, estimate.Run);
    }

    public Task<IReadOnlyList<PlanVersionSummary>> ListVersionsAsync() => versions.ListAsync(_lab, _project, _name);

    public Task<string> ExportJsonAsync() =>
        _latest is { } latest
            ? Task.FromResult(PlanJson.Serialize(latest.Settings))
            : throw new PlatformNotFoundException($"Plan '{_name}' has no version yet.");

    public Task<PlanRevisionResult> ImportJsonAsync(string json, int basedOnVersion, string? comment)
    {
        ArgumentNullException.ThrowIfNull(json);
        UploadLimits.Require("json", "plan document", UploadLimits.Utf8Bytes(json), UploadLimits.PlanJsonBytes);
        PlanSettings? settings;
        try
        {
            settings = PlanJson.DeserializeOver(_latest?.Settings ?? PlanSettings.Default, json);
        }
        catch (System.Text.Json.JsonException e)
        {
            return Task.FromResult(PlanRevisionResult.Invalid(_latest, [new PlanFieldError("json", $"The plan document is not readable: {e.Message}")]));
        }

        return ReviseAsync(settings, basedOnVersion, comment);
    }

    public async Task<IReadOnlyList<PlanFieldChange>> CompareAsync(int fromVersion, int toVersion)
    {
        var from = await GetVersionAsync(fromVersion);
        var to = await GetVersionAsync(toVersion);
        return PlanJson.Compare(from.Settings, to.Settings);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanKey} saved as version {Version} by {Author}")]
    private static partial void LogSaved(ILogger logger, string planKey, int version, string author);
}
