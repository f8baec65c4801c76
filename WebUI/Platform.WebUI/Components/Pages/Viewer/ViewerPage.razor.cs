using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Components.Viewer;
using Platform.WebUI.Models;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Viewer;

/// <summary>
/// One case in 3D with its reference label and, given a run, the run's prediction and the case's Dice. The case's
/// datasource is found among the project's when the address does not name it; the picker steps through the run's
/// validation cases (with a run) or the datasource's cases (without).
/// </summary>
public sealed partial class ViewerPage(ViewerClient viewer, ResultsClient results, ProjectsClient projects, LabAccessLoader accessLoader, NavigationManager navigation)
{
    private bool _loading = true;
    private string? _loadError;
    private VolumeSources? _sources;
    private string? _predictionNote;
    private string? _datasource;
    private IReadOnlyList<string> _caseIds = [];
    private string? _pickerNote;
    private IReadOnlyList<CaseScore> _caseScores = [];
    private LabelNames _labelNames = LabelNames.None;
    private string? _diceNote;
    private CaseSummary? _case;
    private string? _modality;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Title { get; set; } = "";

    [SupplyParameterFromQuery(Name = "case")] public string? CaseId { get; set; }

    [SupplyParameterFromQuery(Name = "run")] public string? Run { get; set; }

    [SupplyParameterFromQuery(Name = "datasource")] public string? Datasource { get; set; }

    /// <summary>A prediction job whose label map of the case is shown instead of a run's (from the model page).</summary>
    [SupplyParameterFromQuery(Name = "prediction")] public string? Prediction { get; set; }

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new(Title, LabRoutes.Project(LabId, Title)),
        new("Viewer", null, disabled: true),
    ];

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        (_loadError, _sources, _predictionNote, _caseIds, _pickerNote, _caseScores, _diceNote) = (null, null, null, [], null, [], null);
        (_case, _modality) = (null, null);
        try
        {
            await LoadAsync();
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "open this case");
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task LoadAsync()
    {
        if ((ViewerAddress.Problem(CaseId, Run, Datasource) ?? (Prediction is null || PredictionIds.IsValid(Prediction) ? null : $"'{Prediction}' is not a prediction id.")) is { } problem)
        {
            _loadError = problem;
            return;
        }

        var access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
        if (!access.CanView)
        {
            _loadError = "You are not a member of this lab, so you cannot view its cases. Ask the lab's principal investigator for access.";
            return;
        }

        _labelNames = await projects.GetLabelNamesAsync(LabId, Title);
        CaseFileSet? files = null;
        if (CaseId is not null)
        {
            files = Datasource is null
                ? await viewer.FindCaseAsync(LabId, Title, CaseId)
                : await viewer.GetCaseFilesAsync(LabId, Title, Datasource, CaseId);
            if (files is null)
            {
                _loadError = $"No datasource of project '{Title}' has a case '{CaseId}'. Check the address, or pick the case from a datasource's case table.";
                return;
            }
        }

        _datasource = files?.Datasource ?? Datasource;
        if (files is not null)
        {
            // What the catalog says of the case (an invalid one still opens, with its problems above it) and the window it opens in.
            _case = await viewer.GetCaseSummaryAsync(LabId, Title, files.Datasource, files.CaseId);
            _modality = await viewer.GetModalityAsync(LabId, Title, files.Datasource);
        }

        var predicted = Run is not null && await LoadRunAsync(Run);
        if (_loadError is not null)
            return;
        if (Run is null)
            await LoadDatasourceCasesAsync();
        if (files is not null)
            _sources = ViewerAddress.Sources(LabId, Title, files, predicted ? Run : null);
        if (files is not null && Prediction is not null && Run is null)
            _sources = _sources! with { PredictionUrl = ModelApi.PredictionUrl(LabId, Title, Prediction, files.CaseId), PredictionName = $"prediction-{files.CaseId}.nii.gz" };
    }

    /// <summary>The run's scores give its validation cases (the picker) and this case's Dice; true when it predicted this case.</summary>
    private async Task<bool> LoadRunAsync(string runId)
    {
        var run = await results.GetRunAsync(LabId, Title, runId);
        if (run is null)
        {
            _loadError = $"There is no run '{runId}' in project '{Title}'. Open the case from the run's results page.";
            return false;
        }

        var scores = await results.GetScoresAsync(LabId, Title, runId);
        _caseIds = scores.Select(s => s.CaseId).Distinct().Order(StringComparer.Ordinal).ToList();
        _caseScores = CaseId is null ? [] : scores.Where(s => s.CaseId == CaseId).ToList();
        if (run.State != RunState.Completed)
        {
            _diceNote = _predictionNote = $"Run {runId} is {run.State.ToString().ToLowerInvariant()}: its predictions and Dice appear when it completes.";
            _pickerNote = "The run's validation cases are listed once it has completed.";
            return false;
        }

        if (CaseId is not null && _caseScores.Count == 0)
            _predictionNote = "This run has not predicted this case — it was not in its validation fold.";
        return _caseScores.Count > 0;
    }

    private async Task LoadDatasourceCasesAsync()
    {
        if (_datasource is null)
        {
            _pickerNote = "Open a case from a datasource's case table to step through its cases here.";
            return;
        }

        _caseIds = await viewer.ListCaseIdsAsync(LabId, Title, _datasource);
        if (_caseIds.Count == CaseQuery.MaxPageSize)
            _pickerNote = $"The first {CaseQuery.MaxPageSize} cases of '{_datasource}' are listed; open others from its case table.";
    }

    private string? Neighbour(int step)
    {
        var list = _caseIds as IList<string> ?? _caseIds.ToList();
        var index = CaseId is null ? -1 : list.IndexOf(CaseId);
        var next = index < 0 ? (step > 0 && list.Count > 0 ? 0 : -1) : index + step;
        return next >= 0 && next < list.Count ? list[next] : null;
    }

    private void CasePicked(ChangeEventArgs e)
    {
        if (e.Value?.ToString() is { Length: > 0 } caseId)
            Open(caseId);
    }

    private void Open(string caseId)
    {
        var address = LabRoutes.Viewer(LabId, Title, caseId, Run);
        // Without a run the list is the datasource's own, so the next case is found there directly.
        navigation.NavigateTo(Run is null && _datasource is not null ? $"{address}&datasource={_datasource}" : address);
    }
}
