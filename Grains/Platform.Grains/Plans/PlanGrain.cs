using Microsoft.Extensions.Logging;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Tenancy;
using Platform.Plans;

namespace Platform.Grains.Plans;

/// <summary>
/// Versions live in plan_version (no grain state to keep in step); the activation caches the latest one.
/// Saves are serialised by the grain, and the table's primary key refuses a duplicate version even across
/// activations, so a stale save can never overwrite a newer one.
/// </summary>
public sealed partial class PlanGrain(PlanVersionStore versions, TimeProvider clock, ILogger<PlanGrain> logger) : Grain, IPlanGrain
{
    private string _lab = "", _project = "", _name = "";
    private PlanSnapshot? _latest;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_lab, _project, _name) = GrainKeys.Parse(this.GetPrimaryKeyString());
        _latest = await versions.LatestAsync(_lab, _project, _name);
    }

    public Task<PlanSnapshot?> GetAsync() => Task.FromResult(_latest);

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
            string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
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

    public Task<IReadOnlyList<PlanVersionSummary>> ListVersionsAsync() => versions.ListAsync(_lab, _project, _name);

    public Task<string> ExportJsonAsync() =>
        _latest is { } latest
            ? Task.FromResult(PlanJson.Serialize(latest.Settings))
            : throw new PlatformNotFoundException($"Plan '{_name}' has no version yet.");

    public Task<PlanRevisionResult> ImportJsonAsync(string json, int basedOnVersion, string? comment)
    {
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
