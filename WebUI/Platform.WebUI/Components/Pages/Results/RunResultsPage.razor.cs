using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Results;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Results;

/// <summary>One run's results, read from the run grain: Dice per label over its validation cases and per case, or (a
/// classification or regression run) its figures and predictions per case.</summary>
public sealed partial class RunResultsPage(ResultsClient results, ProjectsClient projects, LabAccessLoader accessLoader)
{
    private RunSnapshot? _run;
    private IReadOnlyList<CaseScore> _scores = [];
    private RunTargetResults? _targets;
    private LabelNames _labelNames = LabelNames.None;
    private string? _loadError;
    private bool _loading;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Title { get; set; } = "";

    [Parameter] public string RunId { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs => ResultsBreadcrumbs.Run(LabId, Title, RunId);

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

            _run = await results.GetRunAsync(LabId, Title, RunId);
            if (_run is null)
            {
                _loadError = $"There is no run '{RunId}' in project '{Title}'. Go back to the project to find its runs.";
                return;
            }

            _scores = await results.GetScoresAsync(LabId, Title, RunId);
            _targets = await results.GetTargetResultsAsync(LabId, Title, RunId);
            _labelNames = await projects.GetLabelNamesAsync(LabId, Title);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "read this run's results");
        }
        finally
        {
            _loading = false;
        }
    }
}
