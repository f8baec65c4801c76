using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Plans;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Components.Plans;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Plans;

/// <summary>Loads a plan and its project and hands the editor the grain operations; the editor does the rest.</summary>
public sealed partial class PlanEditorPage(PlansClient plans, ProjectsClient projects, LabAccessLoader accessLoader, FileDownloads downloads, NavigationManager navigation)
{
    private PlanSnapshot? _latest;
    private DataDrift? _drift;
    private IReadOnlyList<string> _datasources = [];
    private LabAccess _access = LabAccess.None;
    private bool _loaded;
    private string? _loadedKey;
    private string? _loadError;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Project { get; set; } = "";

    [Parameter] public string Plan { get; set; } = "";

    /// <summary>Set by "New plan": auto-configure as the editor opens.</summary>
    [SupplyParameterFromQuery(Name = "new")] public bool New { get; set; }

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new(Project, LabRoutes.Project(LabId, Project)),
        new("Plans", LabRoutes.Plans(LabId, Project)),
        new(Plan, LabRoutes.Plan(LabId, Project, Plan), disabled: true),
    ];

    // Dropping "?new=true" after the first save must not reload (and so reset) the editor.
    protected override Task OnParametersSetAsync() => _loaded && _loadedKey == Key ? Task.CompletedTask : LoadAsync();

    private string Key => $"{LabId}/{Project}/{Plan}";

    private async Task LoadAsync()
    {
        _loadError = null;
        _loaded = false;
        if (!PlanNames.IsValid(Plan))
        {
            _loadError = $"'{Plan}' is not a plan name. Go back to the project's plans.";
            return;
        }

        try
        {
            _access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            var project = await projects.GetAsync(LabId, Project);
            if (project is null)
            {
                _loadError = $"There is no project '{Project}' in this lab. Go back to the lab's projects.";
                return;
            }

            _datasources = project.Datasources;
            _latest = await plans.GetAsync(LabId, Project, Plan);
            _drift = _latest is null ? null : await plans.GetDataDriftAsync(LabId, Project, Plan, _latest.Version);
            _loaded = true;
            _loadedKey = Key;
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "open this plan");
        }
    }

    private Task<PlanRevisionResult> SaveAsync(PlanRevision revision) =>
        plans.ReviseAsync(LabId, Project, Plan, revision.Settings, revision.BasedOnVersion, revision.Comment);

    private Task<PlanSuggestion> SuggestAsync(PlanSuggestionRequest request) => plans.SuggestAsync(LabId, Project, request);

    private Task<PlanRevisionResult> ImportJsonAsync(PlanJsonImport import) =>
        plans.ImportJsonAsync(LabId, Project, Plan, import.Json, import.BasedOnVersion, import.Comment);

    private async Task ExportJsonAsync()
    {
        try
        {
            var json = await plans.ExportJsonAsync(LabId, Project, Plan);
            await downloads.DownloadBytesAsync($"{Plan}.json", Encoding.UTF8.GetBytes(json), "application/json");
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "download the plan");
        }
    }

    private void Saved(PlanSnapshot saved)
    {
        _latest = saved;
        // A version saved now is configured from the current data: nothing to warn about.
        _drift = null;
        // A new plan's address loses "?new=true" once saved, so a reload shows the saved version instead of auto-configuring again.
        if (New)
            navigation.NavigateTo(LabRoutes.Plan(LabId, Project, Plan), new NavigationOptions { ReplaceHistoryEntry = true });
    }
}
