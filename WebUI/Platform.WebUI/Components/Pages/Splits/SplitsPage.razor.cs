using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.Splits;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Splits;

/// <summary>A project's splits; a new one is named here and made on its own page (nothing is saved until its first preview is saved).</summary>
public sealed partial class SplitsPage(SplitsClient splits, LabAccessLoader accessLoader, NavigationManager navigation)
{
    private IReadOnlyList<(string Name, SplitSummary? Summary)>? _splits;
    private LabAccess _access = LabAccess.None;
    private string? _loadError;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Title { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new(Title, LabRoutes.Project(LabId, Title)),
        new("Splits", LabRoutes.Splits(LabId, Title), disabled: true),
    ];

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loadError = null;
        try
        {
            _access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            _splits = await splits.ListAsync(LabId, Title);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "list the splits");
        }
    }

    private void Open(string name) => navigation.NavigateTo(LabRoutes.Split(LabId, Title, name));
}
