using System.Text;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Tests.Hosting;
using Platform.Plans.Tasks;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Datasources;

/// <summary>The target table of a classification or regression datasource, through the datasource grain and PostgreSQL.</summary>
[Collection(SiloCollection.Name)]
public sealed class TargetTableTests
{
    private const string Project = "CLS007_Lesion";
    private const string Datasource = "phantoms";
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];
    private readonly string _folder = $"ds-{Guid.NewGuid():N}";

    public TargetTableTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private IDatasourceGrain Grain(string? lab = null) => _fixture.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(lab ?? _lab, Project, Datasource));

    /// <summary>A classification project with a scanned FRAN datasource of cases 00001 to 00003.</summary>
    private async Task<IDatasourceGrain> ScannedAsync(TaskKind kind = TaskKind.Classification, string project = Project)
    {
        new DatasetBuilder(_fixture.Data.LabRoot(_lab)).WriteFran(_folder, goodCases: 3);
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_lab)).CreateAsync("Lab", TestIdentity.Admin);
        await _fixture.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(_lab, project)).CreateAsync("", kind);
        var datasource = _fixture.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(_lab, project, Datasource));
        await datasource.RegisterAsync(_folder);
        var status = await ScannedProjects.WaitForScanAsync(datasource);
        Assert.Equal(3, status.Counts.Valid);
        return datasource;
    }

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task An_upload_stores_the_valid_rows_reports_the_others_by_row_and_reads_back_as_a_case_target_table()
    {
        var datasource = await ScannedAsync();

        var report = await datasource.UploadTargetTableAsync("lesions.csv", Csv("case,class\n00001,lesion\n00002,none\n00003,\n00009,lesion\n"));

        Assert.Equal(("lesions.csv", TaskKind.Classification, 4, 2), (report.FileName, report.Kind, report.RowsRead, report.Imported));
        Assert.Equal(["lesion", "none"], report.ClassNames);
        Assert.Equal(
        [
            ("UnknownClass", "Row 4, case '00003': no class is given."),
            ("CaseNotInDatasource", "Row 5, case '00009': the datasource has no such case."),
        ],
        report.Problems.Select(p => (p.Kind, p.Reason)));
        Assert.Equal(TestIdentity.Admin, report.UploadedBy);

        await _fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var table = (await datasource.GetTargetTableAsync())!;
        Assert.Equal(TaskKind.Classification, table.Kind);
        Assert.Equal(["lesion", "none"], table.ClassNames);
        Assert.Equal([("00001", 0), ("00002", 1)], table.Targets.Select(t => (t.CaseId, t.Class!.Value)));
        var stored = (await datasource.GetTargetTableProblemsAsync())!;
        Assert.Equal(report.Problems, stored.Problems);
        Assert.Equal((4, 2, "lesions.csv"), (stored.RowsRead, stored.Imported, stored.FileName));
    }

    [Fact]
    public async Task A_second_upload_that_fails_entirely_keeps_the_first_table()
    {
        var datasource = await ScannedAsync();
        await datasource.UploadTargetTableAsync("first.csv", Csv("case,class\n00001,a\n00002,b\n00003,a\n"));

        var noColumn = await Assert.ThrowsAsync<PlatformValidationException>(() => datasource.UploadTargetTableAsync("second.csv", Csv("case,age\n00001,3\n")));
        var noRow = await Assert.ThrowsAsync<PlatformValidationException>(() => datasource.UploadTargetTableAsync("third.tsv", Csv("case\tclass\n00001\t\n00004\tb\n")));

        Assert.Contains("found columns 'case', 'age'", noColumn.Message, StringComparison.Ordinal);
        Assert.Contains("Row 2, case '00001': no class is given.", noRow.Message, StringComparison.Ordinal);
        Assert.Contains("Row 3, case '00004': the datasource has no such case.", noRow.Message, StringComparison.Ordinal);
        Assert.Contains("kept", noRow.Message, StringComparison.Ordinal);
        var table = (await datasource.GetTargetTableAsync())!;
        Assert.Equal([("00001", 0), ("00002", 1), ("00003", 0)], table.Targets.Select(t => (t.CaseId, t.Class!.Value)));
        Assert.Equal("first.csv", (await datasource.GetTargetTableProblemsAsync())!.FileName);
    }

    [Fact]
    public async Task A_regression_table_replaces_the_previous_one_as_a_whole()
    {
        var datasource = await ScannedAsync(TaskKind.Regression, "REGR002_Volume");
        await datasource.UploadTargetTableAsync("v1.csv", Csv("case_id,value\n00001,1.5\n00002,2.5\n"));

        var report = await datasource.UploadTargetTableAsync("v2.csv", Csv("subject,target\n00003,NaN\n00002,7\n"));

        Assert.Equal("InvalidTargetValue", Assert.Single(report.Problems).Kind);
        var table = (await datasource.GetTargetTableAsync())!;
        Assert.Equal((TaskKind.Regression, 0), (table.Kind, table.ClassNames.Count));
        Assert.Equal([("00002", 7.0)], table.Targets.Select(t => (t.CaseId, t.Value!.Value)));
    }

    [Fact]
    public async Task A_segmentation_datasource_takes_no_table()
    {
        var datasource = await ScannedAsync(TaskKind.Segmentation, "kidney");

        var error = await Assert.ThrowsAsync<PlatformConflictException>(() => datasource.UploadTargetTableAsync("t.csv", Csv("case,class\n00001,a\n")));

        Assert.Contains("Segmentation project", error.Message, StringComparison.Ordinal);
        Assert.Null(await datasource.GetTargetTableAsync());
    }

    [Fact]
    public async Task A_member_of_another_lab_can_neither_upload_nor_read_the_table()
    {
        var datasource = await ScannedAsync();
        await datasource.UploadTargetTableAsync("mine.csv", Csv("case,class\n00001,a\n"));
        var otherLab = $"lab-{Guid.NewGuid():N}"[..20];
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(otherLab)).CreateAsync("Other", TestIdentity.Admin);
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(otherLab)).SetMemberAsync("mallory", LabRole.PrincipalInvestigator);

        TestIdentity.ActAs("mallory");
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => datasource.UploadTargetTableAsync("forged.csv", Csv("case,class\n00001,b\n")));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(datasource.GetTargetTableAsync);
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(datasource.GetTargetTableProblemsAsync);

        TestIdentity.ActAs(TestIdentity.Admin);
        Assert.Equal("mine.csv", (await datasource.GetTargetTableProblemsAsync())!.FileName);
        Assert.Equal(["a"], (await datasource.GetTargetTableAsync())!.ClassNames);
    }
}
