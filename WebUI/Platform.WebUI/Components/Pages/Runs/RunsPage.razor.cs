using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Components.Runs;
using Platform.WebUI.Identity;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Runs;

/// <summary>
/// A project's runs and cross-validations, one page of each read from the project's lists (no run is asked), and
/// starting training for scientists. While anything shown is under way the page re-reads those pages every 5 s.
/// </summary>
public sealed partial class RunsPage(RunsClient runs, ProjectsClient projects, ProjectListsClient lists, PlansClient plans, LabAccessLoader accessLoader,
    SignedPolling polling, ISnackbar snackbar, NavigationManager navigation) : IAsyncDisposable
{
    private const int PageSize = 25;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private static readonly (ProjectItemSort Sort, string Label)[] RunSorts =
    [
        (ProjectItemSort.CreatedAt, "Created"), (ProjectItemSort.FinishedAt, "Finished"), (ProjectItemSort.BestScore, "Best score"),
        (ProjectItemSort.State, "State"), (ProjectItemSort.Plan, "Plan"), (ProjectItemSort.Name, "Run id"),
    ];

    private ProjectSummary? _project;
    private LabAccess _access = LabAccess.None;
    private ProjectItemQuery _runQuery = new(ProjectItemKind.Run, PageSize: PageSize);
    private ProjectItemPage? _runs;
    private ProjectItemPage _crossValidations = new([], 0, new ProjectItemQuery(ProjectItemKind.CrossValidation));
    private IReadOnlyDictionary<string, int> _planVersions = new Dictionary<string, int>();
    private string? _loadError;
    private string? _startError;
    private bool _starting;
    private DataDrift? _drift;
    private TrainingTimeEstimate? _estimate;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Project { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new(Project, LabRoutes.Project(LabId, Project)),
        new("Runs", LabRoutes.Runs(LabId, Project), disabled: true),
    ];

    private string? StateFilter => _runQuery.States is [var state] ? state : null;

    private static int PageCount(ProjectItemPage page) => (int)Math.Ceiling(page.Total / (double)PageSize);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loadError = null;
        try
        {
            _access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            _project = await projects.GetAsync(LabId, Project);
            if (_project is null)
            {
                _loadError = $"There is no project '{Project}' in this lab. Go back to the lab's projects.";
                return;
            }

            // Plans without a saved version are not listed, so every plan here can be trained.
            _planVersions = (await lists.PlansAsync(LabId, Project)).ToDictionary(p => p.Name, p => p.Latest.Version);
            await RefreshListsAsync();
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "list this project's runs");
        }

        await StartPollingWhileUnderWayAsync();
    }

    /// <summary>The shown page of runs and the newest cross-validations: two reads, however many runs the project has.</summary>
    private async Task RefreshListsAsync()
    {
        _runs = await lists.PageAsync(LabId, Project, _runQuery);
        _crossValidations = await lists.PageAsync(LabId, Project, new ProjectItemQuery(ProjectItemKind.CrossValidation, PageSize: 10));
    }

    private Task FilterStateAsync(string? state) => ChangeQueryAsync(_runQuery with { States = state is null ? null : [state], Page = 0 });

    private Task FilterPlanAsync(string? plan) => ChangeQueryAsync(_runQuery with { PlanName = plan, Page = 0 });

    private Task SortAsync(ProjectItemSort sort) => ChangeQueryAsync(_runQuery with { SortBy = sort, Page = 0 });

    private Task DescendingAsync(bool descending) => ChangeQueryAsync(_runQuery with { Descending = descending, Page = 0 });

    private Task GoToPageAsync(int page) => ChangeQueryAsync(_runQuery with { Page = page - 1 });

    private async Task ChangeQueryAsync(ProjectItemQuery query)
    {
        _runQuery = query;
        try
        {
            _runs = await lists.PageAsync(LabId, Project, _runQuery);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "list this project's runs");
        }

        await StartPollingWhileUnderWayAsync();
    }

    /// <summary>A row the list marks active (a queued, preparing or running run; a training or evaluating cross-validation) changes by itself.</summary>
    private bool UnderWay => (_runs?.Items ?? []).Any(r => r.Active) || _crossValidations.Items.Any(cv => cv.Active);

    /// <summary>Re-reads the shown pages every 5 s while anything on them is under way (runs started elsewhere show on the next load).</summary>
    private async Task StartPollingWhileUnderWayAsync()
    {
        if (!UnderWay || _project is null)
            return;
        polling.Start(PollInterval, SignedInUser.IdOf((await Authentication).User), InvokeAsync, StateHasChanged,
            tick: async () =>
            {
                await RefreshListsAsync();
                return UnderWay ? PollOutcome.KeepPolling : PollOutcome.Stop;
            },
            onError: e =>
            {
                _loadError = GrainErrors.Describe(e, "refresh this project's runs");
                return PollOutcome.Stop;
            });
    }

    public ValueTask DisposeAsync() => polling.DisposeAsync();

    /// <summary>
    /// Tells before a start whether the chosen version's data changed since it was configured (it still trains on its
    /// own), and how long it would train on this cluster. Either note is left out when it cannot be read.
    /// </summary>
    private async Task ShowVersionNotesAsync((string Plan, int Version) chosen)
    {
        try
        {
            _drift = await plans.GetDataDriftAsync(LabId, Project, chosen.Plan, chosen.Version);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _drift = null;
        }

        try
        {
            _estimate = await plans.GetTrainingEstimateAsync(LabId, Project, chosen.Plan, chosen.Version);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _estimate = null;
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
