using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Identity;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Runs;

/// <summary>The training queue as the lab sees it, re-read every few seconds.</summary>
public sealed partial class QueuePage(RunsClient runs, WebCaller caller)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private TrainingQueueView? _queue;
    private string? _loadError;
    private CancellationTokenSource? _polling;

    [Parameter] public string LabId { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new("Queue", LabRoutes.Queue(LabId), disabled: true),
    ];

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        if (_polling is null)
        {
            _polling = new CancellationTokenSource();
            _ = PollAsync(_polling.Token);
        }
    }

    private async Task LoadAsync()
    {
        if (!LabIds.IsValid(LabId))
        {
            _loadError = $"'{LabId}' is not a lab address. Pick a lab from the switcher.";
            return;
        }

        try
        {
            _queue = await runs.GetQueueAsync(LabId);
            _loadError = null;
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "read the training queue");
        }
    }

    private async Task PollAsync(CancellationToken stop)
    {
        // The poll runs outside any circuit activity; sign its calls afresh (user tokens are short-lived).
        var userId = SignedInUser.IdOf((await Authentication).User);
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await InvokeAsync(async () =>
                {
                    caller.AttachCredential(userId);
                    await LoadAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_polling is not null)
            await _polling.CancelAsync();
    }
}
