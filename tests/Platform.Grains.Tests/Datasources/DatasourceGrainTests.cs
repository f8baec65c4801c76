using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Tests.Hosting;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Datasources;

[Collection(SiloCollection.Name)]
public sealed class DatasourceGrainTests
{
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];
    private readonly string _folder = $"ds-{Guid.NewGuid():N}";

    public DatasourceGrainTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private Task<IDatasourceGrain> NewDatasourceAsync() => ScannedProjects.CreateAsync(_fixture.Grains, _lab);

    private static Task<DatasourceStatus> WaitForScanAsync(IDatasourceGrain datasource) => ScannedProjects.WaitForScanAsync(datasource);

    [Fact]
    public async Task Registering_a_folder_with_every_defect_reports_each_against_its_case_and_registers_the_good_ones()
    {
        new DatasetBuilder(_fixture.Data.LabRoot(_lab)).WriteFran(_folder, goodCases: 3, Defects.AllFran);
        var datasource = await NewDatasourceAsync();

        var started = await datasource.RegisterAsync(_folder);
        var status = await WaitForScanAsync(datasource);

        Assert.Equal(ScanState.Scanning, started.State);
        Assert.Equal((ScanState.Idle, "Fran", null), (status.State, status.Layout, status.Error));
        Assert.Equal((3, 1, 7), (status.Counts.Valid, status.Counts.Flagged, status.Counts.Invalid));
        // Files whose names carry no case id are reported against the datasource itself.
        Assert.Equal(2, status.DatasourceProblems.Count(p => p.Kind == "BadFileName"));

        var expected = new Dictionary<string, string>
        {
            [DefectCase.UnpairedImage] = "UnpairedImage",
            [DefectCase.UnpairedLabel] = "UnpairedLabel",
            [DefectCase.Duplicate] = "DuplicateCaseId",
            [DefectCase.SpacingMismatch] = "GeometryMismatch",
            [DefectCase.OriginMismatch] = "GeometryMismatch",
            [DefectCase.Truncated] = "UnreadableFile",
            [DefectCase.Nan] = "NonFiniteIntensity",
        };
        var invalid = await datasource.ListCasesAsync(new CaseQuery(PageSize: 50, Status: CaseStatus.Invalid));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), invalid.Cases.Select(c => c.CaseId));
        foreach (var found in invalid.Cases)
            Assert.Contains(found.Problems, p => p.Kind == expected[found.CaseId] && p.Reason.Length > 10);

        var flagged = Assert.Single((await datasource.ListCasesAsync(new CaseQuery(Status: CaseStatus.Flagged))).Cases);
        Assert.Equal((DefectCase.EmptyLabel, 0L), (flagged.CaseId, flagged.ForegroundVoxels));
        var good = await datasource.ListCasesAsync(new CaseQuery(Status: CaseStatus.Valid));
        Assert.Equal(["00001", "00002", "00003"], good.Cases.Select(c => c.CaseId));
        Assert.All(good.Cases, c =>
        {
            Assert.True(c.ForegroundVoxels > 0);
            Assert.Equal(c.ForegroundVoxels, c.Labels.Where(l => l.Key > 0).Sum(l => l.Value));
            Assert.Equal(3, c.Shape!.Count);
            var channel = Assert.Single(c.Channels);
            Assert.True(channel.Min <= channel.Percentile00_5 && channel.Percentile00_5 <= channel.Mean && channel.Mean <= channel.Max);
        });
    }

    [Fact]
    public async Task Cases_come_back_in_pages_sorted_and_filtered_in_the_database()
    {
        new DatasetBuilder(_fixture.Data.LabRoot(_lab)).WriteFran(_folder, goodCases: 7);
        var datasource = await NewDatasourceAsync();
        await datasource.RegisterAsync(_folder);
        await WaitForScanAsync(datasource);

        var first = await datasource.ListCasesAsync(new CaseQuery(Page: 0, PageSize: 3));
        var last = await datasource.ListCasesAsync(new CaseQuery(Page: 2, PageSize: 3));
        var beyond = await datasource.ListCasesAsync(new CaseQuery(Page: 5, PageSize: 3));
        var byForeground = await datasource.ListCasesAsync(new CaseQuery(PageSize: 7, SortBy: CaseSort.ForegroundVoxels, Descending: true));
        var prefixed = await datasource.ListCasesAsync(new CaseQuery(CaseIdPrefix: "0000"));

        Assert.Equal(["00001", "00002", "00003"], first.Cases.Select(c => c.CaseId));
        Assert.Equal(["00007"], last.Cases.Select(c => c.CaseId));
        Assert.Equal((7L, 7L, 0), (first.Total, beyond.Total, beyond.Cases.Count));
        var sizes = byForeground.Cases.Select(c => c.ForegroundVoxels!.Value).ToList();
        Assert.Equal(sizes.OrderDescending(), sizes);
        Assert.Equal(7, prefixed.Total);
        await Assert.ThrowsAsync<PlatformValidationException>(() => datasource.ListCasesAsync(new CaseQuery(PageSize: CaseQuery.MaxPageSize + 1)));
    }

    [Fact]
    public async Task Rescanning_reads_only_new_or_changed_cases_and_notices_removed_ones()
    {
        var builder = new DatasetBuilder(_fixture.Data.LabRoot(_lab));
        builder.WriteFran(_folder, goodCases: 4);
        var datasource = await NewDatasourceAsync();
        await datasource.RegisterAsync(_folder);
        Assert.Equal(4, (await WaitForScanAsync(datasource)).Counts.Read);

        var images = Path.Combine(_fixture.Data.LabRoot(_lab), _folder, "images");
        var labels = Path.Combine(_fixture.Data.LabRoot(_lab), _folder, "lms");
        File.Delete(Path.Combine(images, $"{DatasetBuilder.FranName}_00004.nii.gz"));
        File.Delete(Path.Combine(labels, $"{DatasetBuilder.FranName}_00004.nii.gz"));
        DatasetBuilder.WriteCase([Path.Combine(images, $"{DatasetBuilder.FranName}_00099.nii.gz")], Path.Combine(labels, $"{DatasetBuilder.FranName}_00099.nii.gz"), seed: 99);

        await datasource.RescanAsync();
        var status = await WaitForScanAsync(datasource);

        Assert.Equal((1, 3, 1), (status.Counts.Read, status.Counts.Unchanged, status.Counts.Removed));
        var cases = await datasource.ListCasesAsync(new CaseQuery());
        Assert.Equal(["00001", "00002", "00003", "00099"], cases.Cases.Select(c => c.CaseId));
        Assert.Contains("kits", (await _fixture.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(_lab, "kidney")).GetAsync())!.Datasources);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/etc")]
    [InlineData("does-not-exist")]
    public async Task A_folder_outside_the_data_root_or_missing_is_refused(string folder)
    {
        var datasource = await NewDatasourceAsync();

        var error = await Assert.ThrowsAsync<PlatformValidationException>(() => datasource.RegisterAsync(folder));

        Assert.Equal("folder", error.Field);
        Assert.Null(await datasource.GetStatusAsync());
    }
}
