using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Grains.Abstractions.Plans;
using Platform.Plans;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Plans;

/// <summary>
/// A plan's history and the diff of any two versions. The versions compared live in the address (?from=&amp;to=),
/// so a diff can be shared; every member of the lab may read both.
/// </summary>
public sealed partial class PlanVersionsPage(PlansClient plans, NavigationManager navigation)
{
    private IReadOnlyList<PlanVersionSummary>? _versions;
    private IReadOnlyList<PlanFieldChange>? _changes;
    private string? _loadError;
    private string? _compareError;
    private bool _comparing;
    private string? _loadedPlan;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Project { get; set; } = "";

    [Parameter] public string Plan { get; set; } = "";

    [SupplyParameterFromQuery(Name = "from")] public int? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")] public int? To { get; set; }

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new(Project, LabRoutes.Project(LabId, Project)),
        new("Plans", LabRoutes.Plans(LabId, Project)),
        new(Plan, LabRoutes.Plan(LabId, Project, Plan)),
        new("Versions", LabRoutes.PlanVersions(LabId, Project, Plan), disabled: true),
    ];

    protected override async Task OnParametersSetAsync()
    {
        // The history is read once per plan; a new ?from=&to= only runs the comparison.
        if (_loadedPlan != $"{LabId}/{Project}/{Plan}")
            await LoadAsync();
        await CompareFromAddressAsync();
    }

    private async Task LoadAsync()
    {
        _loadError = null;
        _versions = null;
        if (!PlanNames.IsValid(Plan))
        {
            _loadError = $"'{Plan}' is not a plan name. Go back to the project's plans.";
            return;
        }

        try
        {
            _versions = await plans.ListVersionsAsync(LabId, Project, Plan);
            _loadedPlan = $"{LabId}/{Project}/{Plan}";
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "list the plan's versions");
        }
    }

    private async Task CompareFromAddressAsync()
    {
        _changes = null;
        _compareError = null;
        if (_versions is null || From is not { } from || To is not { } to)
            return;
        _comparing = true;
        try
        {
            _changes = await plans.CompareAsync(LabId, Project, Plan, from, to);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _compareError = GrainErrors.Describe(e, $"compare v{from} with v{to}");
        }
        finally
        {
            _comparing = false;
        }
    }

    private void Compare((int From, int To) versions) =>
        navigation.NavigateTo(LabRoutes.PlanVersions(LabId, Project, Plan, versions.From, versions.To));
}
