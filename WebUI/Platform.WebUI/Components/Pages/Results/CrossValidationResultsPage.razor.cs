using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Results;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Results;

/// <summary>
/// A cross-validation's results. The per-case scores come from each fold's run (every validation case scored by
/// its own fold's model), so folds show up as they complete, before the cross-validation's own evaluation.
/// </summary>
public sealed partial class CrossValidationResultsPage(ResultsClient results, LabAccessLoader accessLoader)
{
    private CrossValidationSnapshot? _snapshot;
    private IReadOnlyList<FoldScores> _folds = [];
    private string? _loadError;
    private bool _loading;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Title { get; set; } = "";

    [Parameter] public string Name { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs => ResultsBreadcrumbs.CrossValidation(LabId, Title, Name);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        _loadError = null;
        try
        {
            var access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            if (!access.CanView)
            {
                _loadError = "You have no role in this lab, so you cannot see its results. Ask the lab's principal investigator for access.";
                return;
            }

            _snapshot = await results.GetCrossValidationAsync(LabId, Title, Name);
            if (_snapshot is null)
            {
                _loadError = $"There is no cross-validation '{Name}' in project '{Title}'. Go back to the project to find its cross-validations.";
                return;
            }

            var folds = new List<FoldScores>();
            foreach (var fold in _snapshot.Folds.Where(f => f.State == RunState.Completed).OrderBy(f => f.Fold))
            {
                var runId = GrainKeys.Parse(fold.RunKey).Name;
                var scores = await results.GetScoresAsync(LabId, Title, runId);
                if (scores.Count > 0)
                    folds.Add(new FoldScores(fold.Fold, runId, scores));
            }

            _folds = folds;
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "read this cross-validation's results");
        }
        finally
        {
            _loading = false;
        }
    }
}
