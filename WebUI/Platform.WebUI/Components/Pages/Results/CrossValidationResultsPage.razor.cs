using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Projects;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Results;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Results;

/// <summary>
/// A cross-validation's results. The per-case scores come from each fold's run (every validation case scored by
/// its own fold's model), so folds show up as they complete, before the cross-validation's own evaluation.
/// </summary>
public sealed partial class CrossValidationResultsPage(ResultsClient results, ProjectsClient projects, LabAccessLoader accessLoader)
{
    private LabelNames _labelNames = LabelNames.None;
    private IReadOnlyList<ProjectItem> _others = [];
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

            _folds = await results.GetFoldScoresAsync(LabId, Title, _snapshot);
            _labelNames = await projects.GetLabelNamesAsync(LabId, Title);
            _others = [.. (await results.ListCompletedCrossValidationsAsync(LabId, Title)).Where(cv => cv.Name != Name)];
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
