using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.Plans;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Plans;

/// <summary>A project's plans: the list with each plan's latest version, "New plan", and FRAN spreadsheet export and import.</summary>
public sealed partial class PlansPage(PlansClient plans, LabAccessLoader accessLoader, FileDownloads downloads, NavigationManager navigation, ISnackbar snackbar)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private IReadOnlyList<PlanHead>? _plans;
    private LabAccess _access = LabAccess.None;
    private IReadOnlyList<PlanImportResult>? _importResults;
    private string? _loadError;
    private string? _sheetError;
    private bool _sheetBusy;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Project { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new(Project, LabRoutes.Project(LabId, Project)),
        new("Plans", LabRoutes.Plans(LabId, Project), disabled: true),
    ];

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loadError = null;
        try
        {
            _access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            _plans = await plans.ListAsync(LabId, Project);
            if (_plans is null)
                _loadError = $"There is no project '{Project}' in this lab. Go back to the lab's projects.";
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "list the plans");
        }
    }

    private void Create(string name) => navigation.NavigateTo(LabRoutes.NewPlan(LabId, Project, name));

    private async Task ExportAsync()
    {
        _sheetBusy = true;
        _sheetError = null;
        try
        {
            var workbook = await plans.ExportFranAsync(LabId, Project);
            await downloads.DownloadBytesAsync($"{Project}-plans.xlsx", workbook, XlsxType);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _sheetError = GrainErrors.Describe(e, "export the plan sheet");
        }
        finally
        {
            _sheetBusy = false;
        }
    }

    private async Task ImportAsync(byte[] workbook)
    {
        _sheetBusy = true;
        _sheetError = null;
        try
        {
            _importResults = await plans.ImportFranAsync(LabId, Project, workbook);
            var saved = _importResults.Count(r => r.Outcome == PlanRevisionOutcome.Saved);
            snackbar.Add($"{saved} of {_importResults.Count} plan row(s) imported.", saved == _importResults.Count ? Severity.Success : Severity.Warning);
            _plans = await plans.ListAsync(LabId, Project) ?? _plans;
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _sheetError = GrainErrors.Describe(e, "import the plan sheet");
        }
        finally
        {
            _sheetBusy = false;
        }
    }
}
