using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Components.Projects;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Labs;

/// <summary>A lab's start page: its projects, and creating one for scientists and above.</summary>
public sealed partial class LabPage(LabsClient labs, ProjectsClient projects, LabAccessLoader accessLoader, ISnackbar snackbar, NavigationManager navigation)
{
    private LabSummary? _lab;
    private LabAccess _access = LabAccess.None;
    private IReadOnlyList<ProjectSummary>? _projects;
    private string? _loadError;
    private string? _createError;
    private bool _creating;

    [Parameter] public string LabId { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loadError = null;
        _projects = null;
        if (!LabIds.IsValid(LabId))
        {
            _loadError = $"'{LabId}' is not a lab address. Pick a lab from the switcher.";
            return;
        }

        try
        {
            _access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            _lab = await labs.GetAsync(LabId);
            if (_lab is null)
            {
                _loadError = $"There is no lab '{LabId}'. Pick a lab from the switcher.";
                return;
            }

            _projects = (await projects.ListAsync(LabId)).OrderBy(p => p.IsArchived).ThenBy(p => p.Title, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "open this lab");
        }
    }

    private async Task CreateAsync(NewProject project)
    {
        _creating = true;
        _createError = null;
        try
        {
            var created = await projects.CreateAsync(LabId, project.Title, project.Description, project.Kind);
            snackbar.Add($"Project '{created.Title}' created.", Severity.Success);
            navigation.NavigateTo(LabRoutes.Project(LabId, created.Title));
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _createError = GrainErrors.Describe(e, "create the project");
        }
        finally
        {
            _creating = false;
        }
    }
}
