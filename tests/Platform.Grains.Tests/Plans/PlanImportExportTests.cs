using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Tests.Hosting;
using Platform.Plans;
using Platform.Preprocessing.Planning.Fran;
using Xunit;

namespace Platform.Grains.Tests.Plans;

[Collection(SiloCollection.Name)]
public sealed class PlanImportExportTests
{
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];

    public PlanImportExportTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private IPlanGrain Plan(string project, string name) => _fixture.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(_lab, project, name));
    private IPlanSheetGrain Sheet(string project) => _fixture.Grains.GetGrain<IPlanSheetGrain>(GrainKeys.Project(_lab, project));

    private async Task CreateProjectsAsync(params string[] titles)
    {
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_lab)).CreateAsync("Lab", TestIdentity.Admin);
        foreach (var title in titles)
            await _fixture.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(_lab, title)).CreateAsync(title);
    }

    /// <summary>A plan that sets every FRAN column away from its default.</summary>
    private static PlanSettings FranHeavy() => SamplePlans.Small() with
    {
        Data = SamplePlans.Small().Data with { Datasources = ["kits", "lits"], NnzAllowed = true, UseForegroundIndices = false, ForegroundIndicesExclude = [3] },
        Preprocessing = SamplePlans.Small().Preprocessing with
        {
            Mode = PreprocessingMode.Lbd, Spacing = [0.8, 0.8, 1.5], ExpandByMm = 20, PatchOverlap = 0.5, SamplesPerFile = 4,
            ImportedFolder = "localiser/preds", MergeImportedLabels = true,
            RemappingSource = new LabelRemapping(new Dictionary<int, int> { [1] = 1, [2] = 1 }),
            RemappingImported = new LabelRemapping(new Dictionary<int, int> { [1] = 5 }, UnmappedTo: 0),
            RemappingTrain = new LabelRemapping(new Dictionary<int, int> { [3] = 0 }),
        },
        Network = SamplePlans.Small().Network with { PatchSize = [160, 160, 96] },
    };

    [Fact]
    public async Task A_fran_plan_sheet_exported_from_one_project_recreates_its_plans_in_another()
    {
        await CreateProjectsAsync("source", "target");
        await Plan("source", "1").ReviseAsync(FranHeavy(), 0, null);
        await Plan("source", "2").ReviseAsync(SamplePlans.Small(4), 0, null);

        var workbook = await Sheet("source").ExportFranAsync();
        var results = await Sheet("target").ImportFranAsync(workbook);

        Assert.Equal(["1", "2"], results.Select(r => r.Plan));
        Assert.All(results, r => Assert.Equal((PlanRevisionOutcome.Saved, 1), (r.Outcome!.Value, r.Version!.Value)));
        // Plan 1 sets every FRAN column and the rest are defaults: the whole document must match.
        Assert.Empty(PlanJson.Compare(FranHeavy(), (await Plan("target", "1").GetAsync())!.Settings));
        using var stream = new MemoryStream(workbook);
        var row = FranPlanSheet.Read(stream).Single(r => r.Plan == "1");
        Assert.Equal("0.8,0.8,1.5", row.Text(FranColumns.Spacing));
        Assert.Equal(("160", "96", "lbd"), (row.Text(FranColumns.PatchDim0), row.Text(FranColumns.PatchDim1), row.Text(FranColumns.Mode)));
    }

    [Fact]
    public async Task A_bad_row_is_reported_with_its_plan_and_the_other_rows_still_import()
    {
        await CreateProjectsAsync("target");
        var rows = new[]
        {
            new FranPlanRow("good", new Dictionary<string, string?> { ["plan"] = "good", ["datasources"] = "kits", ["spacing"] = "1,1,2", ["mode"] = "source" }),
            new FranPlanRow("badmode", new Dictionary<string, string?> { ["plan"] = "badmode", ["datasources"] = "kits", ["mode"] = "rbd" }),
            new FranPlanRow("badspacing", new Dictionary<string, string?> { ["plan"] = "badspacing", ["datasources"] = "kits", ["spacing"] = "one,two" }),
            new FranPlanRow("nodatasource", new Dictionary<string, string?> { ["plan"] = "nodatasource", ["mode"] = "whole" }),
        };
        using var workbook = new MemoryStream();
        FranPlanSheet.Write(workbook, rows, ["plan", "datasources", "spacing", "mode"]);

        var results = (await Sheet("target").ImportFranAsync(workbook.ToArray())).ToDictionary(r => r.Plan);

        Assert.Equal(PlanRevisionOutcome.Saved, results["good"].Outcome);
        Assert.Equal([1.0, 1.0, 2.0], (await Plan("target", "good").GetAsync())!.Settings.Preprocessing.Spacing);
        Assert.Contains("rbd", Assert.Single(results["badmode"].Errors).Message);
        Assert.Contains("spacing", Assert.Single(results["badspacing"].Errors).Message);
        Assert.Contains(results["nodatasource"].Errors, e => e.Field == "data.datasources");
        Assert.Null(await Plan("target", "badmode").GetAsync());
    }

    [Fact]
    public async Task Json_export_imports_into_an_identical_plan_and_a_partial_document_changes_only_its_fields()
    {
        await CreateProjectsAsync("pp");
        await Plan("pp", "a").ReviseAsync(FranHeavy(), 0, null);

        var json = await Plan("pp", "a").ExportJsonAsync();
        var copy = await Plan("pp", "b").ImportJsonAsync(json, 0, "copied");
        var partial = await Plan("pp", "b").ImportJsonAsync("""{"network": {"batchSize": 7}, "preprocessing": {"remappingTrain": null}}""", 1, null);

        Assert.Equal(PlanRevisionOutcome.Saved, copy.Outcome);
        Assert.Empty(PlanJson.Compare(FranHeavy(), copy.Current!.Settings));
        Assert.Equal(PlanRevisionOutcome.Saved, partial.Outcome);
        Assert.Equal(["network.batchSize", "preprocessing.remappingTrain"], (await Plan("pp", "b").CompareAsync(1, 2)).Select(c => c.Field).Order());
    }

    [Fact]
    public async Task Unreadable_json_is_an_invalid_result_that_says_why()
    {
        await CreateProjectsAsync("pp");

        var result = await Plan("pp", "broken").ImportJsonAsync("{ not json", 0, null);

        Assert.Equal(PlanRevisionOutcome.Invalid, result.Outcome);
        Assert.Equal("json", Assert.Single(result.Errors).Field);
        Assert.Null(await Plan("pp", "broken").GetAsync());
    }

    [Fact]
    public async Task Oversized_documents_are_refused_by_the_grains_themselves_and_nothing_is_stored()
    {
        await CreateProjectsAsync("limits");
        var plan = Plan("limits", "big");
        // Valid JSON, one byte over the limit: a client other than the WebUI must not make the silo parse it.
        var padding = new string(' ', UploadLimits.PlanJsonBytes);
        var json = "{" + padding + "}";

        var tooLarge = await Assert.ThrowsAsync<PlatformValidationException>(() => plan.ImportJsonAsync(json, 0, null));
        Assert.Equal("json", tooLarge.Field);
        Assert.Contains("largest accepted is 1 MiB", tooLarge.Message);
        Assert.Empty(await plan.ListVersionsAsync());

        var workbook = new byte[UploadLimits.PlanWorkbookBytes + 1];
        var sheet = await Assert.ThrowsAsync<PlatformValidationException>(() => Sheet("limits").ImportFranAsync(workbook));
        Assert.Equal("workbook", sheet.Field);
    }
}
