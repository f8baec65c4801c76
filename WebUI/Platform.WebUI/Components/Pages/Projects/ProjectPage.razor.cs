using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Projects;
using Platform.WebUI.Components.Datasources;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Identity;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Projects;

/// <summary>A project's overview: datasources (validated live), fingerprint charts, label set and validation problems.</summary>
public sealed partial class ProjectPage(ProjectsClient projects, DatasourcesClient datasources, LabAccessLoader accessLoader, SignedPolling polling,
    FileDownloads downloads, ISnackbar snackbar)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private ProjectSummary? _project;
    private LabAccess _access = LabAccess.None;
    private IReadOnlyList<DatasourceStatus> _statuses = [];
    private FingerprintSummary? _fingerprint;
    private LabelNames _labelNames = LabelNames.None;
    private string? _labelNamesNote;
    private bool _labelNamesFailed;
    private string? _fingerprintNote;
    private string? _loadError;
    private string? _registerError;
    private bool _registering;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Title { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new(Title, LabRoutes.Project(LabId, Title), disabled: true),
    ];

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loadError = null;
        try
        {
            _access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            _project = await projects.GetAsync(LabId, Title);
            if (_project is null)
            {
                _loadError = $"There is no project '{Title}' in this lab. Go back to the lab's projects.";
                return;
            }

            await RefreshDatasourcesAsync();
            await RefreshFingerprintAsync();
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "open this project");
        }

        await StartPollingWhileScanningAsync();
    }

    private async Task RefreshDatasourcesAsync()
    {
        var project = await projects.GetAsync(LabId, Title) ?? _project!;
        _project = project;
        var statuses = new List<DatasourceStatus>();
        foreach (var name in project.Datasources.Order(StringComparer.Ordinal))
        {
            if (await datasources.GetStatusAsync(LabId, Title, name) is { } status)
                statuses.Add(status);
        }

        _statuses = statuses;
    }

    private async Task RefreshFingerprintAsync()
    {
        if (_statuses.Count == 0)
        {
            _fingerprint = null;
            _fingerprintNote = "No fingerprint yet: it is computed from the cases of registered datasources.";
            return;
        }

        try
        {
            _fingerprint = await projects.GetFingerprintAsync(LabId, Title);
            _labelNames = await projects.GetLabelNamesAsync(LabId, Title);
            _fingerprintNote = null;
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _fingerprint = null;
            _fingerprintNote = GrainErrors.Describe(e, "compute the fingerprint");
        }
    }

    /// <summary>The stored document itself, as nnU-Net names it, so it can be compared with (or fed to) other tools.</summary>
    private async Task SaveLabelNamesAsync(IReadOnlyDictionary<int, string> names)
    {
        try
        {
            _labelNames = await projects.SetLabelNamesAsync(LabId, Title, names);
            (_labelNamesNote, _labelNamesFailed) = ("Label names saved: results, the viewer and new model packages use them.", false);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            (_labelNamesNote, _labelNamesFailed) = (GrainErrors.Describe(e, "save the label names"), true);
        }
    }

    private async Task DownloadFingerprintAsync()
    {
        try
        {
            var json = await projects.GetFingerprintJsonAsync(LabId, Title);
            await downloads.DownloadTextAsync($"{Title}_dataset_fingerprint.json", json);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            snackbar.Add(GrainErrors.Describe(e, "download the fingerprint"), Severity.Error);
        }
    }

    private async Task RegisterAsync(NewDatasource datasource)
    {
        _registering = true;
        _registerError = null;
        try
        {
            await datasources.RegisterAsync(LabId, Title, datasource.Name, datasource.Folder, datasource.Modalities);
            snackbar.Add($"Datasource '{datasource.Name}' registered; its cases are being validated.", Severity.Success);
            await RefreshDatasourcesAsync();
            await StartPollingWhileScanningAsync();
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _registerError = GrainErrors.Describe(e, "register the datasource");
        }
        finally
        {
            _registering = false;
        }
    }

    private bool AnyScanning => _statuses.Any(s => s.State is ScanState.Scanning or ScanState.NotScanned);

    /// <summary>Polls the datasources' status every 2 s while any is scanning, then refreshes the fingerprint once.</summary>
    private async Task StartPollingWhileScanningAsync()
    {
        if (!AnyScanning)
            return;
        polling.Start(PollInterval, SignedInUser.IdOf((await Authentication).User), InvokeAsync, StateHasChanged,
            tick: async () =>
            {
                await RefreshDatasourcesAsync();
                if (AnyScanning)
                    return PollOutcome.KeepPolling;
                await RefreshFingerprintAsync();
                return PollOutcome.Stop;
            },
            onError: e =>
            {
                _loadError = GrainErrors.Describe(e, "refresh the datasources");
                return PollOutcome.Stop;
            });
    }

    public ValueTask DisposeAsync() => polling.DisposeAsync();
}
