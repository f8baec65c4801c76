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
/// Completed runs of a project side by side. The runs compared are the address's <c>?runs=a,b,c</c>, in that
/// order (the first is the baseline), so a comparison is shared by sharing the address.
/// </summary>
public sealed partial class CompareRunsPage(ResultsClient results, LabAccessLoader accessLoader, NavigationManager navigation)
{
    private IReadOnlyList<ProjectItem>? _completed;
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

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs => ResultsBreadcrumbs.Compare(LabId, Title);

    /// <summary>The run ids of a <c>runs</c> query value, in order, without blanks or repeats.</summary>
    public static IReadOnlyList<string> ParseRuns(string? query) =>
        query is null ? [] : [.. query.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    protected override async Task OnParametersSetAsync()
    {
        // Changing the chosen runs changes only the query: keep the project's run list, reload the scores.
        if (_loadedFor != $"{LabId}/{Title}")
            await LoadRunsAsync();
        if (_completed is not null)
            await LoadScoresAsync();
    }

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

            _completed = await results.ListCompletedRunsAsync(LabId, Title);
            _loadedFor = $"{LabId}/{Title}";
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "list the project's runs");
        }
    }

    private async Task LoadScoresAsync()
    {
        var wanted = ParseRuns(RunsQuery);
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
                    _problems.Add($"Run '{runId}' is not a completed run of this project; it is left out.");
                    continue;
                }

                var scores = await results.GetScoresAsync(LabId, Title, runId);
                if (scores.Count == 0)
                    _problems.Add($"Run '{runId}' has no validation scores; it is left out.");
                else
                    compared.Add(new ComparedRun(runId, scores));
            }

            _compared = compared;
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _compared = [];
            _problems.Add(GrainErrors.Describe(e, "read the runs' scores"));
        }
        finally
        {
            _loadingScores = false;
        }
    }

    private void Apply() => navigation.NavigateTo(LabRoutes.CompareRuns(LabId, Title, _picked));

    private static string Describe(ProjectItem run) =>
        $"{run.Name} · plan {run.PlanName} v{run.PlanVersion}, {(run.Fold is { } f ? $"fold {f}" : "all cases")}";
}
