using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Identity;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Runs;

/// <summary>One run, live: the page loads it, hands it with a progress feed to <see cref="Components.Runs.RunMonitor"/>, and carries out pause, resume and cancel.</summary>
public sealed partial class RunPage(RunsClient runs, ProjectsClient projects, RunProgressFeed feed, LabAccessLoader accessLoader, WebCaller caller, ISnackbar snackbar)
{
    private RunSnapshot? _run;
    private LabelNames _labelNames = LabelNames.None;
    private LabAccess _access = LabAccess.None;
    private int? _totalEpochs;
    private QueueEntryView? _queueEntry;
    private DataDrift? _drift;
    private string? _loadError;
    private string? _actionError;
    private string? _userId;
    private bool _busy;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Project { get; set; } = "";

    [Parameter] public string RunId { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new(Project, LabRoutes.Project(LabId, Project)),
        new("Runs", LabRoutes.Runs(LabId, Project)),
        new(RunId, LabRoutes.Run(LabId, Project, RunId), disabled: true),
    ];

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loadError = null;
        _run = null;
        if (!RunIds.IsValid(RunId))
        {
            _loadError = $"'{RunId}' is not a run address. Pick the run from the project's runs.";
            return;
        }

        try
        {
            var user = (await Authentication).User;
            _userId = SignedInUser.IdOf(user);
            _access = await accessLoader.LoadAsync(LabId, user);
            var run = await runs.GetAsync(LabId, Project, RunId);
            if (run is null)
            {
                _loadError = $"There is no run '{RunId}' in project '{Project}'. Go back to the project's runs.";
                return;
            }

            _totalEpochs = await runs.GetPlannedEpochsAsync(LabId, Project, run.Request.PlanName, run.Request.PlanVersion);
            _queueEntry = await QueueEntryAsync(run);
            _drift = await runs.GetDataDriftAsync(LabId, Project, RunId);
            _labelNames = await projects.GetLabelNamesAsync(LabId, Project);
            feed.SnapshotRefreshed -= SnapshotRefreshed;
            feed.SnapshotRefreshed += SnapshotRefreshed;
            await feed.FollowAsync(LabId, Project, RunId, _userId);
            _run = run;
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "open this run");
        }
    }

    /// <summary>The run's place in the training queue while it waits (null otherwise, or when the queue cannot be read).</summary>
    private async Task<QueueEntryView?> QueueEntryAsync(RunSnapshot run)
    {
        if (run.State != RunState.Queued)
            return null;
        var key = GrainKeys.Run(LabId, Project, RunId);
        return (await runs.GetQueueAsync(LabId)).Entries.FirstOrDefault(e => e.RunKey == key);
    }

    /// <summary>The feed's poll re-read the run: while it waits, refresh its queue estimate too.</summary>
    private void SnapshotRefreshed(RunSnapshot fresh) => _ = InvokeAsync(async () =>
    {
        if (fresh.State == RunState.Queued || _queueEntry is not null)
        {
            try
            {
                // Outside any circuit activity: sign the call afresh.
                caller.AttachCredential(_userId);
                _queueEntry = await QueueEntryAsync(fresh);
            }
            catch (Exception e) when (GrainErrors.IsReportable(e))
            {
                _queueEntry = null;
            }
        }

        StateHasChanged();
    });

    private Task PauseAsync() => ActAsync("pause the run", async () =>
    {
        // The snapshot says the pause is pending (the grain keeps it, so a reload shows it too).
        _run = await runs.PauseAsync(LabId, Project, RunId);
        snackbar.Add("The run pauses at the end of this epoch, after writing a checkpoint, so no training is lost.", Severity.Info);
    });

    private Task ResumeAsync() => ActAsync("resume the run", async () =>
    {
        _run = await runs.ResumeAsync(LabId, Project, RunId);
        _queueEntry = await QueueEntryAsync(_run);
        snackbar.Add("The run is back in the queue; it continues from its last checkpoint.", Severity.Success);
    });

    private Task CancelAsync() => ActAsync("cancel the run", async () =>
    {
        _run = await runs.CancelAsync(LabId, Project, RunId, "cancelled from the run page");
        _queueEntry = null;
        snackbar.Add("Run cancelled.", Severity.Info);
    });

    private async Task ActAsync(string action, Func<Task> act)
    {
        _busy = true;
        _actionError = null;
        try
        {
            await act();
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _actionError = GrainErrors.Describe(e, action);
        }
        finally
        {
            _busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        feed.SnapshotRefreshed -= SnapshotRefreshed;
        await feed.DisposeAsync();
    }
}
