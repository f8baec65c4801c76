using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Sweeps;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Identity;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Sweeps;

/// <summary>One sweep: its trial table and charts, refreshed every few seconds while it runs; start form before it starts.</summary>
public sealed partial class SweepPage(SweepsClient sweeps, ProjectsClient projects, ProjectListsClient lists, LabAccessLoader accessLoader, SignedPolling polling, ISnackbar snackbar)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(3);

    private SweepSnapshot? _snapshot;
    private ProjectSummary? _project;
    private IReadOnlyList<string> _plans = [];
    private LabAccess _access = LabAccess.None;
    private bool _loaded;
    private string? _error;
    private bool _cancelling;
    private bool _starting;
    private string? _startError;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Title { get; set; } = "";

    [Parameter] public string Name { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new(Title, LabRoutes.Project(LabId, Title)),
        new("Sweeps", LabRoutes.Sweeps(LabId, Title)),
        new(Name, LabRoutes.Sweep(LabId, Title, Name), disabled: true),
    ];

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _error = null;
        try
        {
            _access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            _snapshot = await sweeps.GetAsync(LabId, Title, Name);
            if (_snapshot is null && _access.CanEdit)
            {
                _project = await projects.GetAsync(LabId, Title);
                _plans = [.. (await lists.PlansAsync(LabId, Title)).Select(p => p.Name)];
            }
            _loaded = true;
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _error = GrainErrors.Describe(e, "open this sweep");
        }

        await StartPollingWhileRunningAsync();
    }

    private async Task StartAsync(SweepRequest request)
    {
        _starting = true;
        _startError = null;
        try
        {
            _snapshot = await sweeps.StartAsync(LabId, Title, Name, request);
            snackbar.Add($"Sweep '{Name}' started with {request.Trials} trials.", Severity.Success);
            await StartPollingWhileRunningAsync();
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _startError = GrainErrors.Describe(e, "start the sweep");
        }
        finally
        {
            _starting = false;
        }
    }

    private async Task CancelAsync()
    {
        _cancelling = true;
        try
        {
            _snapshot = await sweeps.CancelAsync(LabId, Title, Name);
            snackbar.Add($"Sweep '{Name}' cancelled: its running trials are stopping.", Severity.Info);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _error = GrainErrors.Describe(e, "cancel the sweep");
        }
        finally
        {
            _cancelling = false;
        }
    }

    /// <summary>Re-reads the sweep every 3 s until it is no longer running or the page is left.</summary>
    private async Task StartPollingWhileRunningAsync()
    {
        if (_snapshot?.State != SweepState.Running)
            return;
        polling.Start(PollInterval, SignedInUser.IdOf((await Authentication).User), InvokeAsync, StateHasChanged,
            tick: async () =>
            {
                _snapshot = await sweeps.GetAsync(LabId, Title, Name) ?? _snapshot;
                return _snapshot?.State == SweepState.Running ? PollOutcome.KeepPolling : PollOutcome.Stop;
            },
            onError: e =>
            {
                _error = GrainErrors.Describe(e, "refresh the sweep");
                return PollOutcome.Stop;
            });
    }

    public ValueTask DisposeAsync() => polling.DisposeAsync();
}
