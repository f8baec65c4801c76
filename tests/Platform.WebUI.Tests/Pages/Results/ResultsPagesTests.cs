using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.Plans.Tasks;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Pages.Results;
using Platform.WebUI.Identity;
using Platform.WebUI.Services;
using Platform.WebUI.Tests.Pages.Support;
using Xunit;

namespace Platform.WebUI.Tests.Pages.Results;

public sealed class ResultsPagesTests : MudBlazorContext
{
    private const string Lab = "kidney-lab";
    private const string Project = "kits";

    private readonly StubCluster _cluster;

    public ResultsPagesTests()
    {
        var (client, stubs) = StubCluster.Create();
        _cluster = stubs;
        Context.Services.AddSingleton(client);
        Context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Context.Services.AddSingleton<PlatformAdmins>();
        Context.Services.AddScoped<LabsClient>();
        Context.Services.AddScoped<LabAccessLoader>();
        Context.Services.AddScoped<ProjectListsClient>();
        Context.Services.AddScoped<ResultsClient>();
        Context.Services.AddScoped<ProjectsClient>();
        Context.Services.AddScoped<FileDownloads>();
        Context.AddAuthorization().SetAuthorized("alice");
    }

    private void Role(LabRole role) => _cluster.Add<ILabGrain>(GrainKeys.Lab(Lab), g => g.Answer("GetMyRoleAsync", role));

    private static RunSnapshot Run(string id, RunState state) =>
        new(id, new RunRequest("3d", 1, 0, 1, "default"), state, "1.0", DateTimeOffset.UnixEpoch, "alice", [], []);

    private static ProjectItem Row(string id) => new(ProjectItemKind.Run, id, "3d", 1, 0, "default", nameof(RunState.Completed), false,
        DateTimeOffset.UnixEpoch, "alice", null, null, 10, 10, 0, 0, null, null);

    private static CaseScore Score(string caseId, int label, double dice) => new(caseId, label, dice, dice, 1, 0, 0, 1, 1);

    private static ProjectItem CrossValidationRow(string name) => new(ProjectItemKind.CrossValidation, name, "3d", 1, null, "default", nameof(CrossValidationState.Completed), false,
        DateTimeOffset.UnixEpoch, "alice", null, null, 0, null, 0, 0, null, null);

    private void LabelNamed(int label, string name) => _cluster.Add<IProjectGrain>(GrainKeys.Project(Lab, Project), g => g.Answer("GetLabelNamesAsync",
        LabelNames.Resolve(new Dictionary<int, string> { [label] = name }, [])));

    /// <summary>A completed cross-validation whose fold i was validated by run "{name}-f{i}" on the cases given for that fold.</summary>
    private void AddCrossValidation(string name, params string[][] foldCases)
    {
        var folds = foldCases.Select((_, i) => new FoldProgress(i, GrainKeys.Run(Lab, Project, $"{name}-f{i}"), RunState.Completed, 1, 1, null)).ToList();
        _cluster.Add<ICrossValidationGrain>(GrainKeys.CrossValidation(Lab, Project, name), g => g.Answer("GetAsync", (CrossValidationSnapshot?)new CrossValidationSnapshot(
            name, new CrossValidationRequest("3d", 1, "default", null), CrossValidationState.Completed, folds, 1, [], null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)));
        for (var i = 0; i < foldCases.Length; i++)
            AddRun($"{name}-f{i}", RunState.Completed, [.. foldCases[i].Select(c => Score(c, 1, name == "cv-a" ? 0.6 : 0.8))]);
    }

    private void ListCrossValidations(params string[] names) =>
        _cluster.Add<IProjectListGrain>(GrainKeys.ProjectList(Lab, Project), g => g.Answer("ListItemsAsync", (ProjectItemQuery q) =>
            new ProjectItemPage([.. names.Select(CrossValidationRow)], names.Length, q)));

    private GrainStub AddRun(string id, RunState state, params CaseScore[] scores)
    {
        GrainStub? stub = null;
        _cluster.Add<ITrainingRunGrain>(GrainKeys.Run(Lab, Project, id), g => stub = g.Answer("GetAsync", (RunSnapshot?)Run(id, state)).Answer("GetScoresAsync", (IReadOnlyList<CaseScore>)scores)
            .Answer("GetTargetResultsAsync", (RunTargetResults?)null));
        return stub!;
    }

    [Fact]
    public void The_run_results_page_reads_the_run_and_its_scores_from_the_run_grain()
    {
        Role(LabRole.Viewer);
        AddRun("3d-f0-a", RunState.Completed, Score("case_1", 1, 0.9), Score("case_2", 1, 0.4));
        _cluster.Add<IProjectGrain>(GrainKeys.Project(Lab, Project), g => g.Answer("GetLabelNamesAsync",
            LabelNames.Resolve(new Dictionary<int, string> { [1] = "kidney" }, [])));

        var page = Context.Render<RunResultsPage>(p => p.Add(c => c.LabId, Lab).Add(c => c.Title, Project).Add(c => c.RunId, "3d-f0-a"));

        page.WaitForAssertion(() => Assert.Equal(["case_2", "case_1"], page.FindAll("[data-testid=case-row]").Select(r => r.GetAttribute("data-case"))));
        Assert.Single(page.FindAll("[data-testid=dice-summary-row]"));
        // The project's label names reach the summary, the box plot's title and the table's column.
        Assert.Equal("kidney (1)", page.Find("[data-testid=dice-summary-label]").TextContent);
        Assert.Equal("kidney (1)", page.Find("[data-testid=box-plot-title]").TextContent);
        Assert.Contains("kidney (1)", page.Find("[data-testid=sort-label-1]").TextContent);
        Assert.Equal("labs/kidney-lab/projects/kits/compare?runs=3d-f0-a", page.Find("[data-testid=run-compare-link]").GetAttribute("href"));
    }

    [Fact]
    public void The_run_results_page_of_a_classification_run_shows_its_figures_and_confusion_matrix_instead_of_dice()
    {
        Role(LabRole.Viewer);
        var figures = new ClassificationFigures(2, 0.5, 0.5, [0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [[0, 1], [1, 0]]);
        AddRun("3d-f0-cls", RunState.Completed).Answer("GetTargetResultsAsync", (RunTargetResults?)new RunTargetResults(TaskKind.Classification, ["none", "lesion"],
            [new("case_1", 0, 1, [0.4, 0.6], null, null), new("case_2", 1, 0, [0.7, 0.3], null, null)], figures, null));
        _cluster.Add<IProjectGrain>(GrainKeys.Project(Lab, Project), g => g.Answer("GetLabelNamesAsync", LabelNames.None));

        var page = Context.Render<RunResultsPage>(p => p.Add(c => c.LabId, Lab).Add(c => c.Title, Project).Add(c => c.RunId, "3d-f0-cls"));

        page.WaitForAssertion(() => Assert.Equal(["none", "lesion"], page.FindAll("[data-testid=confusion-true]").Select(c => c.TextContent)));
        Assert.Equal(2, page.FindAll("[data-testid=target-case-row]").Count);
        Assert.Empty(page.FindAll("[data-testid=results-empty]"));
        Assert.Empty(page.FindAll("[data-testid=dice-summary-row]"));
    }

    [Fact]
    public void Without_a_role_in_the_lab_the_page_says_whom_to_ask_and_reads_no_run()
    {
        Role(LabRole.None);
        var run = AddRun("3d-f0-a", RunState.Completed);

        var page = Context.Render<RunResultsPage>(p => p.Add(c => c.LabId, Lab).Add(c => c.Title, Project).Add(c => c.RunId, "3d-f0-a"));

        page.WaitForAssertion(() => Assert.Contains("principal investigator", page.Find("[data-testid=results-load-error]").TextContent));
        Assert.Empty(run.Calls);
    }

    [Fact]
    public void The_compare_page_compares_the_runs_named_in_the_address_and_reports_those_it_cannot()
    {
        Role(LabRole.Viewer);
        // The project's run list holds the completed runs only (the page asks for those); 3d-f0-c is still running.
        _cluster.Add<IProjectListGrain>(GrainKeys.ProjectList(Lab, Project), g => g.Answer("ListItemsAsync", (ProjectItemQuery q) =>
            new ProjectItemPage([Row("3d-f0-a"), Row("3d-f0-b")], 2, q)));
        AddRun("3d-f0-a", RunState.Completed, Score("case_1", 1, 0.9));
        AddRun("3d-f0-b", RunState.Completed, Score("case_1", 1, 0.7));
        AddRun("3d-f0-c", RunState.Running);
        LabelNamed(1, "kidney");

        // The shared address names the runs, baseline first.
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("labs/kidney-lab/projects/kits/compare?runs=3d-f0-b,3d-f0-c,3d-f0-a");
        var page = Context.Render<CompareRunsPage>(p => p.Add(c => c.LabId, Lab).Add(c => c.Title, Project));

        page.WaitForAssertion(() => Assert.Equal(["0.700", "0.900"],
            page.Find("[data-testid=compare-summary-row]").QuerySelectorAll("[data-testid=compare-summary-mean]").Select(c => c.TextContent)));
        Assert.Contains("'3d-f0-c' is not a completed run", page.Find("[data-testid=compare-problem]").TextContent);
        Assert.Equal("+0.200", page.Find("[data-testid=compare-diff]").TextContent);
    }

    [Fact]
    public void Cross_validations_are_compared_on_their_pooled_fold_scores_with_label_names()
    {
        Role(LabRole.Viewer);
        LabelNamed(1, "kidney");
        ListCrossValidations("cv-a", "cv-b");
        AddCrossValidation("cv-a", ["case_1", "case_2"], ["case_3"]);
        AddCrossValidation("cv-b", ["case_3"], ["case_1", "case_2"]);

        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("labs/kidney-lab/projects/kits/compare?cvs=cv-a,cv-b");
        var page = Context.Render<CompareRunsPage>(p => p.Add(c => c.LabId, Lab).Add(c => c.Title, Project));

        page.WaitForAssertion(() => Assert.Equal(["0.600", "0.800"],
            page.Find("[data-testid=compare-summary-row]").QuerySelectorAll("[data-testid=compare-summary-mean]").Select(c => c.TextContent)));
        Assert.Equal("Compare cross-validations", page.Find("[data-testid=compare-heading]").TextContent);
        Assert.Equal("+0.200", page.Find("[data-testid=compare-summary-diff]").TextContent);
        Assert.Contains("3 of 3 case(s) were scored by every cross-validation", page.Find("[data-testid=compare-shared-cases]").TextContent);
        Assert.Equal("kidney (1)", page.Find("[data-testid=compare-summary-row] td").TextContent);
        Assert.Empty(page.FindAll("[data-testid=compare-no-shared-cases]"));
    }

    [Fact]
    public void Cross_validations_that_share_no_case_are_flagged_and_no_difference_is_reported()
    {
        Role(LabRole.Viewer);
        LabelNamed(1, "kidney");
        ListCrossValidations("cv-a", "cv-b");
        AddCrossValidation("cv-a", ["case_1"], ["case_2"]);
        AddCrossValidation("cv-b", ["case_8"], ["case_9"]);

        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("labs/kidney-lab/projects/kits/compare?cvs=cv-a,cv-b");
        var page = Context.Render<CompareRunsPage>(p => p.Add(c => c.LabId, Lab).Add(c => c.Title, Project));

        page.WaitForAssertion(() => Assert.Contains("These cross-validations share no case", page.Find("[data-testid=compare-no-shared-cases]").TextContent));
        Assert.Equal("—", page.Find("[data-testid=compare-summary-diff]").TextContent);
    }

    [Fact]
    public void The_cross_validation_results_page_offers_to_compare_with_another_completed_cross_validation()
    {
        Role(LabRole.Viewer);
        LabelNamed(1, "kidney");
        ListCrossValidations("cv-a", "cv-b");
        AddCrossValidation("cv-a", ["case_1"], ["case_2"]);
        var popovers = Context.Render<MudBlazor.MudPopoverProvider>();

        var page = Context.Render<CrossValidationResultsPage>(p => p.Add(c => c.LabId, Lab).Add(c => c.Title, Project).Add(c => c.Name, "cv-a"));

        page.WaitForAssertion(() => page.Find("[data-testid=cv-compare-menu] button").Click());
        var item = popovers.WaitForElement("[data-testid=cv-compare-item]"); // the open menu lives in the popover provider
        Assert.Equal("cv-b", item.GetAttribute("data-cv")); // not itself
        Assert.Equal("labs/kidney-lab/projects/kits/compare?cvs=cv-a,cv-b", item.GetAttribute("href"));
        Assert.Equal("kidney (1)", page.Find("[data-testid=dice-summary-label]").TextContent); // label names reach the CV results too
    }
}
