using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Components.Runs;
using Platform.WebUI.Identity;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Runs;

/// <summary>A project's runs and cross-validations, and starting training for scientists; the lists refresh while any is under way.</summary>
public sealed partial class RunsPage(RunsClient runs, ProjectsClient projects, PlansClient plans, LabAccessLoader accessLoader, SignedPolling polling,
    ISnackbar snackbar, NavigationManager navigation)
    : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private ProjectSummary? _project;
    private LabAccess _access = LabAccess.None;
    private IReadOnlyList<RunListItem>? _runs;
    private IReadOnlyList<CrossValidationSnapshot> _crossValidations = [];
    private IReadOnlyDictionary<string, int> _planVersions = new Dictionary<string, int>();
    private string? _loadError;
    private string? _startError;
    private bool _starting;
    private DataDrift? _drift;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Project { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new(Project, LabRoutes.Project(LabId, Project)),
        new("Runs", LabRoutes.Runs(LabId, Project), disabled: true),
    ];

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loadError = null;
        _plannedEpochs.Clear(); // the page may now show another project
        try
        {
            _access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            _project = await projects.GetAsync(LabId, Project);
            if (_project is null)
            {
                _loadError = $"There is no project '{Project}' in this lab. Go back to the lab's projects.";
                return;
            }

            _planVersions = await LatestVersionsAsync(_project.Plans);
            await RefreshListsAsync(_project);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "list this project's runs");
        }

        await StartPollingWhileUnderWayAsync();
    }

    private async Task RefreshListsAsync(ProjectSummary project)
    {
        var snapshots = await runs.ListAsync(LabId, Project, project.Runs);
        var epochs = await PlannedEpochsAsync(snapshots.Select(r => (r.Request.PlanName, r.Request.PlanVersion)).Distinct());
        _runs = snapshots.Select(r => new RunListItem(r, epochs.GetValueOrDefault((r.Request.PlanName, r.Request.PlanVersion)))).ToList();
        _crossValidations = await runs.ListCrossValidationsAsync(LabId, Project, project.CrossValidations);
    }

    /// <summary>A run that is not final, or a cross-validation still training or evaluating, changes by itself.</summary>
    private bool UnderWay =>
        (_runs ?? []).Any(r => !RunStateMachine.IsFinal(r.Run.State))
        || _crossValidations.Any(cv => cv.State is CrossValidationState.Training or CrossValidationState.Evaluating);

    /// <summary>Re-reads the lists every 5 s while anything is under way (runs started elsewhere show on the next load).</summary>
    private async Task StartPollingWhileUnderWayAsync()
    {
        if (!UnderWay || _project is null)
            return;
        polling.Start(PollInterval, SignedInUser.IdOf((await Authentication).User), InvokeAsync, StateHasChanged,
            tick: async () =>
            {
                await RefreshListsAsync(_project);
                return UnderWay ? PollOutcome.KeepPolling : PollOutcome.Stop;
            },
            onError: e =>
            {
                _loadError = GrainErrors.Describe(e, "refresh this project's runs");
                return PollOutcome.Stop;
            });
    }

    public ValueTask DisposeAsync() => polling.DisposeAsync();

    /// <summary>Each plan's latest version; plans without a saved version cannot be trained and are left out.</summary>
    private async Task<IReadOnlyDictionary<string, int>> LatestVersionsAsync(IEnumerable<string> plans)
    {
        var versions = new Dictionary<string, int>();
        foreach (var plan in plans.Order(StringComparer.Ordinal))
        {
            if (await runs.GetLatestPlanAsync(LabId, Project, plan) is { } latest)
                versions[plan] = latest.Version;
        }

        return versions;
    }

    /// <summary>Epochs of each plan version seen so far: saved versions never change, so polls read only new ones.</summary>
    private readonly Dictionary<(string, int), int?> _plannedEpochs = [];

    private async Task<Dictionary<(string, int), int?>> PlannedEpochsAsync(IEnumerable<(string Plan, int Version)> versions)
    {
        foreach (var (plan, version) in versions.Where(v => !_plannedEpochs.ContainsKey(v)))
        {
            try
            {
                _plannedEpochs[(plan, version)] = await runs.GetPlannedEpochsAsync(LabId, Project, plan, version);
            }
            catch (Exception e) when (GrainErrors.IsReportable(e))
            {
                // The list still shows the run; its total reads "?".
                _plannedEpochs[(plan, version)] = null;
            }
        }

        return _plannedEpochs;
    }

    /// <summary>Tells before a start whether the chosen version's data changed since it was configured (it still trains on its own).</summary>
    private async Task ShowDataDriftAsync((string Plan, int Version) chosen)
    {
        try
        {
            _drift = await plans.GetDataDriftAsync(LabId, Project, chosen.Plan, chosen.Version);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _drift = null;
        }
    }

    private async Task StartAsync(NewRun run)
    {
        _starting = true;
        _startError = null;
        try
        {
            if (run.IsCrossValidation)
            {
                var cv = await runs.StartCrossValidationAsync(LabId, Project, run.CrossValidationName!,
                    new CrossValidationRequest(run.Plan, run.Version, run.Split!, run.Seed, run.Priority));
                snackbar.Add($"Cross-validation '{cv.Name}' started with {cv.Folds.Count} folds.", Severity.Success);
                navigation.NavigateTo(LabRoutes.CrossValidation(LabId, Project, cv.Name));
                return;
            }

            var started = await runs.StartAsync(LabId, Project, new RunRequest(run.Plan, run.Version, run.Fold, run.Seed, run.Split, run.Priority));
            snackbar.Add($"Run '{started.RunId}' is queued.", Severity.Success);
            navigation.NavigateTo(LabRoutes.Run(LabId, Project, started.RunId));
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _startError = GrainErrors.Describe(e, run.IsCrossValidation ? "start the cross-validation" : "start the run");
        }
        finally
        {
            _starting = false;
        }
    }
}
