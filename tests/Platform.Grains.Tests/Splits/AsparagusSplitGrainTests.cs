using System.Text.Json;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Tests.Hosting;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Splits;

/// <summary>Asparagus' split and TEST files through the split grain, against a scanned project's catalog.</summary>
[Collection(SiloCollection.Name)]
public sealed class AsparagusSplitGrainTests
{
    private const int Cases = 10;
    private const string Root = "/home/lab/asparagus_data";
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];

    public AsparagusSplitGrainTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    /// <summary>The "kidney" segmentation project with <see cref="Cases"/> scanned FRAN cases.</summary>
    private async Task RegisterCasesAsync()
    {
        var folder = $"ds-{Guid.NewGuid():N}";
        new DatasetBuilder(_fixture.Data.LabRoot(_lab)).WriteFran(folder, goodCases: Cases);
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, folder);
    }

    private ISplitGrain Split(string name) => _fixture.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(_lab, "kidney", name));

    private static string Sample(string caseId) => $"{Root}/SEG005_Kidney/sub-{caseId}/{caseId}.pt";

    [Fact]
    public async Task Export_then_import_gives_the_same_folds_and_test_set()
    {
        await RegisterCasesAsync();
        await Split("default").GenerateAsync(new SplitSpec(FoldCount: 4, Seed: 5, HoldoutFraction: 0.2));

        var files = await Split("default").ExportAsparagusAsync(new AsparagusSplitExport(Root, "SEG005_Kidney"));
        var imported = await Split("copy").ImportAsparagusAsync(new AsparagusSplitImport(files.SplitFileName, files.SplitJson, files.TestJson));

        Assert.Equal(("split_default.json", "TEST_default.json"), (files.SplitFileName, files.TestFileName));
        using (var test = JsonDocument.Parse(files.TestJson))
            Assert.All(test.RootElement.EnumerateArray(), p => Assert.Matches("^/home/lab/asparagus_data/SEG005_Kidney/[0-9]{5}\\.pt$", p.GetString()));
        Assert.Equal((Cases, 4, 2), (imported.Cases, imported.Folds.Count, imported.Test));
        Assert.Equal("imported (Asparagus split_default.json)", imported.Origin);
        Assert.Equal(await Split("default").GetTestCasesAsync(), await Split("copy").GetTestCasesAsync());
        for (var fold = 0; fold < 4; fold++)
            Assert.Equal((await Split("default").GetFoldAsync(fold)).Validation, (await Split("copy").GetFoldAsync(fold)).Validation);
    }

    [Fact]
    public async Task One_resplit_of_a_file_asparagus_wrote_imports_as_a_one_fold_split_with_its_test_set()
    {
        await RegisterCasesAsync();
        var ids = Enumerable.Range(0, Cases).Select(DatasetBuilder.GoodId).ToList();
        // Two re-splits drawn from one pool, as asparagus_preprocessing's split() draws them: validation sets overlap.
        var split = JsonSerializer.Serialize(new[]
        {
            new { train = ids[..6].Select(Sample), val = ids[6..8].Select(Sample) },
            new { train = ids[1..7].Select(Sample), val = new[] { ids[0], ids[7] }.Select(Sample) },
        });
        var test = JsonSerializer.Serialize(ids[8..].Select(Sample));

        var refused = await Assert.ThrowsAsync<PlatformValidationException>(() => Split("whole").ImportAsparagusAsync(new AsparagusSplitImport("split_80_10_10.json", split, test)));
        var saved = await Split("split_80_10_10").ImportAsparagusAsync(new AsparagusSplitImport("split_80_10_10.json", split, test, Resplit: 1));

        Assert.Contains($"split_80_10_10.json: its re-splits are not disjoint folds (case '{ids[7]}' is validated in re-splits 0 and 1)", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Cases, 1, 2), (saved.Cases, saved.Folds.Count, saved.Test));
        Assert.Equal([ids[0], ids[7]], (await Split("split_80_10_10").GetFoldAsync(0)).Validation);
        Assert.Equal(ids[8..], await Split("split_80_10_10").GetTestCasesAsync());
    }

    [Fact]
    public async Task A_sample_that_is_no_case_of_the_project_is_refused_naming_file_resplit_and_case()
    {
        await RegisterCasesAsync();
        var split = JsonSerializer.Serialize(new[] { new { train = new[] { Sample("00001") }, val = new[] { Sample("99999") } } });

        var error = await Assert.ThrowsAsync<PlatformValidationException>(() => Split("bad").ImportAsparagusAsync(new AsparagusSplitImport("split_x.json", split)));

        Assert.Equal(
            $"The Asparagus split file was refused: split_x.json re-split 0 val: '{Sample("99999")}' names case '99999', which is not a usable case of the project.",
            error.Message);
        Assert.Null(await Split("bad").GetAsync());
    }

    [Theory]
    [InlineData("data/asparagus", "SEG005_Kidney", null, "dataRoot", "the Asparagus data folder 'data/asparagus' must be an absolute path with '/' separators (the value of $ASPARAGUS_DATA where Asparagus trains).")]
    [InlineData("/data/../../etc", "SEG005_Kidney", null, "dataRoot", "'/data/../../etc' climbs out of its folder with '..'.")]
    [InlineData("/data", "CLS005_Kidney", null, "taskName", "'CLS005_Kidney' names a Classification task, but project 'kidney' is a Segmentation project: use a SEG task name.")]
    [InlineData("/data", null, null, "taskName", "Project 'kidney' is not named as an Asparagus task: give the task name the files are for, such as SEG005_kidney.")]
    [InlineData("/data", "SEG005_Kidney", "folds.json", "splitFileName", "'folds.json' has no 'split_' in its name: Asparagus names the TEST file by replacing it, so the two files would share one name.")]
    [InlineData("/data", "SEG005_Kidney", "../split_a.json", "splitFileName", "'../split_a.json' is not a split file name: one file name ending in .json, at most 200 characters, no folders.")]
    public async Task Exports_asparagus_cannot_read_are_refused_naming_the_field(string root, string? task, string? fileName, string field, string message)
    {
        await RegisterCasesAsync();
        await Split("default").GenerateAsync(new SplitSpec(FoldCount: 2));

        var error = await Assert.ThrowsAsync<PlatformValidationException>(() => Split("default").ExportAsparagusAsync(new AsparagusSplitExport(root, task, fileName)));

        Assert.Equal((field, message), (error.Field, error.Message));
    }

    [Fact]
    public async Task The_single_file_export_refuses_asparagus_and_the_single_file_import_reads_a_split_file_without_test()
    {
        await RegisterCasesAsync();
        await Split("default").GenerateAsync(new SplitSpec(FoldCount: 2, Seed: 3));
        var files = await Split("default").ExportAsparagusAsync(new AsparagusSplitExport(Root, "SEG005_Kidney"));

        var refused = await Assert.ThrowsAsync<PlatformValidationException>(() => Split("default").ExportAsync(SplitFileFormat.Asparagus));
        var imported = await Split("plain").ImportAsync(SplitFileFormat.Asparagus, files.SplitJson);

        Assert.Equal("format", refused.Field);
        Assert.Equal((Cases, 2, 0), (imported.Cases, imported.Folds.Count, imported.Test));
    }

    [Fact]
    public async Task Hostile_contents_are_refused_before_anything_is_saved()
    {
        await RegisterCasesAsync();
        var huge = "[" + new string(' ', UploadLimits.SplitFileBytes) + "]";

        var traversal = await Assert.ThrowsAsync<PlatformValidationException>(() => Split("evil").ImportAsparagusAsync(
            new AsparagusSplitImport("split_e.json", """[{"train": ["/data/SEG005_Kidney/../../../etc/00001.pt"], "val": []}]""")));
        var wrongType = await Assert.ThrowsAsync<PlatformValidationException>(() => Split("evil").ImportAsparagusAsync(
            new AsparagusSplitImport("split_e.json", """[{"train": {"00001": 1}, "val": []}]""")));
        var tooBig = await Assert.ThrowsAsync<PlatformValidationException>(() => Split("evil").ImportAsparagusAsync(new AsparagusSplitImport("split_e.json", "[]", huge)));
        var badName = await Assert.ThrowsAsync<PlatformValidationException>(() => Split("evil").ImportAsparagusAsync(new AsparagusSplitImport("/etc/passwd", "[]")));

        Assert.Equal("The Asparagus split file was refused: split_e.json re-split 0 train: '/data/SEG005_Kidney/../../../etc/00001.pt' climbs out of its folder with '..'.", traversal.Message);
        Assert.Equal("The Asparagus split file was refused: split_e.json re-split 0: \"train\" must be a list of case ids.", wrongType.Message);
        Assert.Equal("testJson", tooBig.Field);
        Assert.Equal("splitFileName", badName.Field);
        Assert.Null(await Split("evil").GetAsync());
    }
}
