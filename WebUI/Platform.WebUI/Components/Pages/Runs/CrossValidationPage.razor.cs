using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Plans;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Identity;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Runs;

/// <summary>A cross-validation's folds and overall progress, re-read every few seconds while it trains or evaluates.</summary>
public sealed partial class CrossValidationPage(RunsClient runs, LabAccessLoader accessLoader, SignedPolling polling, ISnackbar snackbar)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private CrossValidationSnapshot? _cv;
    private LabAccess _access = LabAccess.None;
    private string? _loadError;
    private string? _actionError;
    private bool _busy;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Project { get; set; } = "";

    [Parameter] public string Name { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new(Project, LabRoutes.Project(LabId, Project)),
        new("Runs", LabRoutes.Runs(LabId, Project)),
        new(Name, LabRoutes.CrossValidation(LabId, Project, Name), disabled: true),
    ];

    private bool InProgress => _cv?.State is CrossValidationState.Training or CrossValidationState.Evaluating;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loadError = null;
        _cv = null;
        if (!PlanNames.IsValid(Name))
        {
            _loadError = $"'{Name}' is not a cross-validation address. Pick it from the project's runs.";
            return;
        }

        try
        {
            _access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            _cv = await runs.GetCrossValidationAsync(LabId, Project, Name);
            if (_cv is null)
                _loadError = $"There is no cross-validation '{Name}' in project '{Project}'. Go back to the project's runs.";
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "open this cross-validation");
        }

        await StartPollingWhileInProgressAsync();
    }

    private async Task CancelAsync()
    {
        _busy = true;
        _actionError = null;
        try
        {
            _cv = await runs.CancelCrossValidationAsync(LabId, Project, Name);
            snackbar.Add($"Cross-validation '{Name}' cancelled.", Severity.Info);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _actionError = GrainErrors.Describe(e, "cancel the cross-validation");
        }
        finally
        {
            _busy = false;
        }
    }

    private PollOutcome PollWhileInProgress => InProgress ? PollOutcome.KeepPolling : PollOutcome.Stop;

    /// <summary>Re-reads the cross-validation every 5 s while it is in progress; a failed read is shown and retried.</summary>
    private async Task StartPollingWhileInProgressAsync()
    {
        if (!InProgress)
            return;
        polling.Start(PollInterval, SignedInUser.IdOf((await Authentication).User), InvokeAsync, StateHasChanged,
            tick: async () =>
            {
                _cv = await runs.GetCrossValidationAsync(LabId, Project, Name) ?? _cv;
                return PollWhileInProgress;
            },
            onError: e =>
            {
                _actionError = GrainErrors.Describe(e, "refresh the cross-validation");
                return PollWhileInProgress;
            });
    }

    public ValueTask DisposeAsync() => polling.DisposeAsync();
}
