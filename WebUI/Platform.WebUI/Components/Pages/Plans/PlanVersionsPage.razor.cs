using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Grains.Abstractions.Plans;
using Platform.Plans;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Plans;

/// <summary>
/// A plan's history, any version opened read only (?version=) or downloaded as a JSON plan document, and the diff of
/// any two versions. The versions opened and compared live in the address (?from=&amp;to=), so both can be shared;
/// every member of the lab may read them.
/// </summary>
public sealed partial class PlanVersionsPage(PlansClient plans, FileDownloads downloads, NavigationManager navigation)
{
    private IReadOnlyList<PlanVersionSummary>? _versions;
    private IReadOnlyList<PlanFieldChange>? _changes;
    private string? _loadError;
    private string? _compareError;
    private bool _comparing;
    private string? _loadedPlan;
    private PlanSnapshot? _opened;
    private string? _openError;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Project { get; set; } = "";

    [Parameter] public string Plan { get; set; } = "";

    [SupplyParameterFromQuery(Name = "from")] public int? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")] public int? To { get; set; }

    /// <summary>The version opened below the history, read only.</summary>
    [SupplyParameterFromQuery(Name = "version")] public int? Version { get; set; }

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
        await OpenFromAddressAsync();
    }

    private async Task OpenFromAddressAsync()
    {
        _openError = null;
        if (_versions is null || Version is not { } version)
        {
            _opened = null;
            return;
        }

        if (_opened?.Version == version)
            return;
        try
        {
            _opened = await plans.GetVersionAsync(LabId, Project, Plan, version);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _opened = null;
            _openError = GrainErrors.Describe(e, $"open v{version}");
        }
    }

    /// <summary>The version as the plan document every import reads (the one JSON writer, <see cref="PlanJson"/>).</summary>
    private async Task DownloadAsync(int version)
    {
        _openError = null;
        try
        {
            var snapshot = await plans.GetVersionAsync(LabId, Project, Plan, version);
            await downloads.DownloadTextAsync($"{Plan}-v{version}.json", PlanJson.Serialize(snapshot.Settings));
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _openError = GrainErrors.Describe(e, $"download v{version}");
        }
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
