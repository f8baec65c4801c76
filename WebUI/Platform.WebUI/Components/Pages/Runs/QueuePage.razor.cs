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
public sealed partial class QueuePage(RunsClient runs, SignedPolling polling)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private TrainingQueueView? _queue;
    private string? _loadError;

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
        // The queue is never done: poll until the page is left. Reading it reports its own errors, and polling goes on.
        polling.Start(PollInterval, SignedInUser.IdOf((await Authentication).User), InvokeAsync, StateHasChanged,
            tick: async () =>
            {
                await LoadAsync();
                return PollOutcome.KeepPolling;
            },
            onError: _ => PollOutcome.KeepPolling);
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

    public ValueTask DisposeAsync() => polling.DisposeAsync();
}
