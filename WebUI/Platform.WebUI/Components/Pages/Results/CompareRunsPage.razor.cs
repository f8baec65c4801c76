using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions.Projects;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Components.Results;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Results;

/// <summary>
/// Completed runs of a project side by side, or completed cross-validations on their pooled fold scores. The runs
/// compared are the address's <c>?runs=a,b,c</c> (cross-validations: <c>?cvs=a,b</c>), in that order (the first is
/// the baseline), so a comparison is shared by sharing the address.
/// </summary>
public sealed partial class CompareRunsPage(ResultsClient results, ProjectsClient projects, LabAccessLoader accessLoader, NavigationManager navigation)
{
    private IReadOnlyList<ProjectItem>? _completed;
    private LabelNames _labelNames = LabelNames.None;
    private string? _loadedFor;
    private List<string> _picked = [];
    private IReadOnlyList<ComparedRun> _compared = [];
    private List<string> _problems = [];
    private string? _loadError;
    private bool _loadingScores;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Title { get; set; } = "";

    /// <summary>Run ids separated by commas.</summary>
    [SupplyParameterFromQuery(Name = "runs")] public string? RunsQuery { get; set; }

    /// <summary>Cross-validation names separated by commas; present (even empty) when the page compares cross-validations.</summary>
    [SupplyParameterFromQuery(Name = "cvs")] public string? CrossValidationsQuery { get; set; }

    private bool ComparesCrossValidations => CrossValidationsQuery is not null;

    private string Noun => ComparesCrossValidations ? "cross-validation" : "run";

    private string Heading => ComparesCrossValidations ? "Compare cross-validations" : "Compare runs";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs => ResultsBreadcrumbs.Compare(LabId, Title, Heading, ComparesCrossValidations);

    /// <summary>The run ids of a <c>runs</c> query value, in order, without blanks or repeats.</summary>
    public static IReadOnlyList<string> ParseRuns(string? query) =>
        query is null ? [] : [.. query.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    protected override async Task OnParametersSetAsync()
    {
        // Changing the chosen runs changes only the query: keep the project's run list, reload the scores.
        if (_loadedFor != LoadKey)
            await LoadRunsAsync();
        if (_completed is not null)
            await LoadScoresAsync();
    }

    private string LoadKey => $"{LabId}/{Title}/{Noun}";

    private async Task ReloadAsync()
    {
        _loadedFor = null;
        await OnParametersSetAsync();
    }

    private async Task LoadRunsAsync()
    {
        _loadError = null;
        _completed = null;
        try
        {
            var access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            if (!access.CanView)
            {
                _loadError = "You have no role in this lab, so you cannot see its results. Ask the lab's principal investigator for access.";
                return;
            }

            _completed = ComparesCrossValidations
                ? await results.ListCompletedCrossValidationsAsync(LabId, Title)
                : await results.ListCompletedRunsAsync(LabId, Title);
            _labelNames = await projects.GetLabelNamesAsync(LabId, Title);
            _loadedFor = LoadKey;
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "list the project's runs");
        }
    }

    private async Task LoadScoresAsync()
    {
        var wanted = ParseRuns(ComparesCrossValidations ? CrossValidationsQuery : RunsQuery);
        _picked = [.. wanted];
        _problems = [];
        _loadingScores = true;
        try
        {
            var compared = new List<ComparedRun>();
            foreach (var runId in wanted)
            {
                if (_completed!.All(r => r.Name != runId))
                {
                    _problems.Add($"{Capitalised} '{runId}' is not a completed {Noun} of this project; it is left out.");
                    continue;
                }

                var run = await ScoresAsync(runId);
                if (run.Scores.Count == 0)
                    _problems.Add($"{Capitalised} '{runId}' has no validation scores; it is left out.");
                else
                    compared.Add(run);
            }

            _compared = compared;
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _compared = [];
            _problems.Add(GrainErrors.Describe(e, $"read the {Noun}s' scores"));
        }
        finally
        {
            _loadingScores = false;
        }
    }

    private string Capitalised => char.ToUpperInvariant(Noun[0]) + Noun[1..];

    // A run's own scores; a cross-validation's folds pooled, each case scored by the fold that validated it.
    private async Task<ComparedRun> ScoresAsync(string name)
    {
        if (!ComparesCrossValidations)
            return new ComparedRun(name, await results.GetScoresAsync(LabId, Title, name));
        var crossValidation = await results.GetCrossValidationAsync(LabId, Title, name);
        return crossValidation is null ? new ComparedRun(name, []) : ComparedRun.Pooled(name, await results.GetFoldScoresAsync(LabId, Title, crossValidation));
    }

    private void Apply() => navigation.NavigateTo(ComparesCrossValidations
        ? LabRoutes.CompareCrossValidations(LabId, Title, _picked)
        : LabRoutes.CompareRuns(LabId, Title, _picked));

    private static string Describe(ProjectItem item) => item.Kind == ProjectItemKind.CrossValidation
        ? $"{item.Name} · plan {item.PlanName} v{item.PlanVersion}, split {item.SplitName}"
        : $"{item.Name} · plan {item.PlanName} v{item.PlanVersion}, {(item.Fold is { } f ? $"fold {f}" : "all cases")}";
}
