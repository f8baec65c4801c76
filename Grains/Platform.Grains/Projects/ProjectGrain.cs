using Microsoft.Extensions.Logging;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Datasources;
using Platform.Grains.Fingerprints;
using Platform.Grains.Storage;
using Platform.Grains.Tenancy;
using Platform.Plans.Tasks;

namespace Platform.Grains.Projects;

public sealed partial class ProjectGrain(
    [PersistentState("project", StorageNames.Platform)] IPersistentState<ProjectState> project,
    DatasetFingerprints fingerprints,
    ModalityStore modalities,
    LabelNameStore labelNames,
    TaskNumberStore taskNumbers,
    TimeProvider clock,
    ILogger<ProjectGrain> logger) : Grain, IProjectGrain
{
    public const int MaxDescriptionLength = 2000;

    private (string Lab, string Title, string _) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    /// <summary>
    /// A project stored before its lists were tables lists its items there first (once; see <see cref="ProjectListBackfill"/>).
    /// A task-named project stored before task numbers were claimed (migration 0017) claims its number now.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ClaimStoredTaskNumberAsync();
        if (!project.State.HasOldLists)
            return;
        var left = await ProjectListBackfill.RunAsync(GrainFactory, Key.Lab, Key.Title, project.State);
        project.State = left;
        await project.WriteOrDeactivateAsync(this);
        LogBackfilled(logger, Key.Lab, Key.Title, left.HasOldLists);
    }

    public async Task<ProjectSummary> CreateAsync(string description, TaskKind kind = TaskKind.Segmentation)
    {
        var (lab, title, _) = Key;
        var task = ProjectTitles.RequireKind(title, kind);
        var text = CheckDescription(description);
        if (project.State.Exists)
        {
            return project.State.Description == text && project.State.Kind == kind
                ? await RecordAsync()
                : throw new PlatformConflictException($"Project '{title}' already exists in lab '{lab}' ({project.State.Kind}).");
        }

        // Claimed before the state is written: a creation that stops in between holds the number for this title only,
        // and its retry finds the claim its own.
        if (task is not null && await taskNumbers.ClaimAsync(lab, task, title) is var holder && holder != title)
            throw new PlatformConflictException(
                $"Task number {kind.Prefix()}{task.Number:000} is already taken in lab '{lab}' by project '{holder}': give '{title}' another number.");

        project.State = new ProjectState { Description = text, Kind = kind, CreatedAt = clock.GetUtcNow(), CreatedBy = VerifiedCaller.Require().PrincipalId };
        await project.WriteOrDeactivateAsync(this);
        LogCreated(logger, lab, title, kind);
        return await RecordAsync();
    }

    private async Task ClaimStoredTaskNumberAsync()
    {
        if (!project.State.Exists || AsparagusTaskName.TryParse(Key.Title) is not { } task || task.Kind != project.State.Kind)
            return;
        var holder = await taskNumbers.ClaimAsync(Key.Lab, task, Key.Title);
        if (holder != Key.Title)
            LogTaskNumberShared(logger, Key.Lab, Key.Title, holder);
    }

    public Task<ProjectSummary?> GetAsync() => Task.FromResult(project.State.Exists ? Summary() : null);

    public Task<ProjectSummary> DescribeAsync(string description) =>
        UpdateAsync(state => state with { Description = CheckDescription(description) });

    public Task<ProjectSummary> SetLabelGroupsAsync(IReadOnlyDictionary<string, IReadOnlyList<int>> groups)
    {
        foreach (var (name, labels) in groups)
        {
            if (!LabelGroupName().IsMatch(name))
                throw new PlatformValidationException("labelGroups", $"'{name}' is not a label group name: lower-case letters, digits and _, starting with a letter.");
            if (labels.Count == 0 || labels.Any(l => l is < 1 or > 255) || labels.Distinct().Count() != labels.Count)
                throw new PlatformValidationException("labelGroups", $"Label group '{name}' needs one or more distinct labels from 1 to 255.");
        }

        return UpdateAsync(state => state with { LabelGroups = groups.ToDictionary(g => g.Key, g => g.Value.Order().ToList()) });
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial System.Text.RegularExpressions.Regex LabelGroupName();

    public Task<ProjectSummary> ArchiveAsync() => UpdateAsync(state => state with { ArchivedAt = state.ArchivedAt ?? clock.GetUtcNow() });

    public Task<ProjectSummary> RestoreAsync() => UpdateAsync(state => state with { ArchivedAt = null });

    // Served from the stored fingerprint (computed when the datasources' last scan completed), never rebuilt per call.
    public async Task<FingerprintSummary> GetFingerprintAsync(IReadOnlyList<string>? datasources) =>
        FingerprintMapping.ToSummary(await fingerprints.CurrentAsync(Key.Lab, Key.Title, ChooseDatasources(datasources)));

    public async Task<string> GetFingerprintJsonAsync(IReadOnlyList<string>? datasources) =>
        (await fingerprints.CurrentAsync(Key.Lab, Key.Title, ChooseDatasources(datasources))).Document;

    public async Task<FingerprintSummary> GetStoredFingerprintAsync(long id)
    {
        RequireExists();
        return FingerprintMapping.ToSummary(await fingerprints.GetAsync(Key.Lab, Key.Title, id)
            ?? throw new PlatformNotFoundException($"Project '{Key.Title}' has no fingerprint {id}."));
    }

    public async Task<PlanSuggestion> SuggestPlanAsync(PlanSuggestionRequest request)
    {
        ProjectPlanning.Check(request);
        var datasources = ChooseDatasources(request.Datasources);
        return ProjectPlanning.Suggest(await fingerprints.CurrentAsync(Key.Lab, Key.Title, datasources), request,
            await ProjectPlanning.ModalitiesAsync(modalities, Key.Lab, Key.Title, datasources));
    }

    private IReadOnlyList<string> ChooseDatasources(IReadOnlyList<string>? requested)
    {
        RequireExists();
        if (requested is null || requested.Count == 0)
            return project.State.Datasources.Count > 0
                ? project.State.Datasources
                : throw new PlatformValidationException("datasources", $"Project '{Key.Title}' has no datasources yet: register one first.");
        var unknown = requested.Except(project.State.Datasources).ToList();
        return unknown.Count == 0
            ? requested
            : throw new PlatformValidationException("datasources", $"Not datasources of project '{Key.Title}': {string.Join(", ", unknown)}.");
    }

    public Task RequireWritableAsync()
    {
        RequireWritable();
        return Task.CompletedTask;
    }

    public Task<TaskKind> GetKindAsync() =>
        project.State.Exists ? Task.FromResult(project.State.Kind) : throw new PlatformNotFoundException($"Project '{Key.Title}' does not exist.");

    public async Task RegisterDatasourceAsync(string datasource)
    {
        RequireWritable();
        if (!project.State.Datasources.Contains(datasource))
            await UpdateAsync(state => state with { Datasources = [.. state.Datasources, datasource] });
    }

    public async Task RegisterSplitAsync(string splitName)
    {
        RequireWritable();
        if (!project.State.Splits.Contains(splitName))
            await UpdateAsync(state => state with { Splits = [.. state.Splits, splitName] });
    }

    private async Task<ProjectSummary> UpdateAsync(Func<ProjectState, ProjectState> change)
    {
        RequireExists();
        var changed = change(project.State);
        if (changed != project.State)
        {
            project.State = changed;
            await project.WriteOrDeactivateAsync(this);
        }

        return await RecordAsync();
    }

    private async Task<ProjectSummary> RecordAsync()
    {
        var summary = Summary();
        await GrainFactory.GetGrain<ILabGrain>(GrainKeys.Lab(Key.Lab)).RecordProjectAsync(summary);
        return summary;
    }

    private ProjectSummary Summary() => project.State.ToSummary(Key.Lab, Key.Title);

    private void RequireExists()
    {
        if (!project.State.Exists)
            throw new PlatformNotFoundException($"Project '{Key.Title}' does not exist in lab '{Key.Lab}'.");
    }

    private void RequireWritable()
    {
        RequireExists();
        if (project.State.ArchivedAt is not null)
            throw new PlatformConflictException($"Project '{Key.Title}' is archived: restore it before adding plans or runs.");
    }

    private static string CheckDescription(string? description)
    {
        var text = description?.Trim() ?? "";
        return text.Length <= MaxDescriptionLength
            ? text
            : throw new PlatformValidationException("description", $"A description has at most {MaxDescriptionLength} characters ({text.Length} given).");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {Lab}/{Title}: items of the old name lists listed (some left for the next activation: {SomeLeft})")]
    private static partial void LogBackfilled(ILogger logger, string lab, string title, bool someLeft);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Project {Lab}/{Title} shares its task number with {Holder}, both created before task numbers were checked")]
    private static partial void LogTaskNumberShared(ILogger logger, string lab, string title, string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {Lab}/{Title} created for {Kind}")]
    private static partial void LogCreated(ILogger logger, string lab, string title, TaskKind kind);
}
