using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Sweeps;

/// <summary>A project's hyper-parameter sweeps, a page at a time from the project's list; a new one is named here and started on its own page.</summary>
public sealed partial class SweepsPage(ProjectsClient projects, ProjectListsClient lists, LabAccessLoader accessLoader, NavigationManager navigation)
{
    private const int PageSize = 25;

    private ProjectItemPage? _sweeps;
    private int _page;
    private LabAccess _access = LabAccess.None;
    private string? _loadError;
    private MudForm? _form;
    private bool _isValid;
    private string? _name;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Title { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new(Title, LabRoutes.Project(LabId, Title)),
        new("Sweeps", LabRoutes.Sweeps(LabId, Title), disabled: true),
    ];

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loadError = null;
        try
        {
            _access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            if (await projects.GetAsync(LabId, Title) is null)
            {
                _loadError = $"There is no project '{Title}' in this lab.";
                return;
            }

            _sweeps = await lists.PageAsync(LabId, Title, new ProjectItemQuery(ProjectItemKind.Sweep, _page, PageSize));
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "list the sweeps");
        }
    }

    private int PageCount => _sweeps is null ? 0 : (int)Math.Ceiling(_sweeps.Total / (double)PageSize);

    private Task GoToPageAsync(int page)
    {
        _page = page - 1;
        return LoadAsync();
    }

    // Sweep names follow plan names (the grain key's own rule).
    private static string? ValidateName(string? name) => FormRules.Check(() => PlanNameRules.Require(name));

    private async Task OpenNewAsync()
    {
        if (_form is not null)
            await _form.ValidateAsync();
        if (_isValid && _name is not null)
            navigation.NavigateTo(LabRoutes.Sweep(LabId, Title, _name));
    }
}
