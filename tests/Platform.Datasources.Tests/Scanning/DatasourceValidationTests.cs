using Platform.Datasources.Layouts;
using Platform.Datasources.Scanning;
using Platform.Testing.Datasets;

namespace Platform.Datasources.Tests.Scanning;

/// <summary>Issue 4's "datasource validation on a generated folder with every kind of defect".</summary>
public sealed class DatasourceValidationTests : IDisposable
{
    private readonly TempDataRoot _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Datasource_validation_on_a_generated_folder_with_every_kind_of_defect_reports_each_against_its_case_and_registers_the_good_cases()
    {
        new DatasetBuilder(_data.Root).WriteFran("fran/kits", goodCases: 3, Defects.AllFran);

        var result = await DatasourceScanner.ScanAsync(_data.Root, "fran/kits");

        Assert.Equal(DatasourceLayoutKind.Fran, result.Layout);
        AssertProblems(result, new Dictionary<string, ProblemKind[]>
        {
            [DefectCase.UnpairedImage] = [ProblemKind.UnpairedImage],
            [DefectCase.UnpairedLabel] = [ProblemKind.UnpairedLabel],
            [$"fran/kits/images/{DatasetBuilder.BadFranName}"] = [ProblemKind.BadFileName],
            [$"fran/kits/lms/{DatasetBuilder.BadFranName}"] = [ProblemKind.BadFileName],
            [DefectCase.Duplicate] = [ProblemKind.DuplicateCaseId],
            [DefectCase.SpacingMismatch] = [ProblemKind.GeometryMismatch],
            [DefectCase.OriginMismatch] = [ProblemKind.GeometryMismatch],
            [DefectCase.Truncated] = [ProblemKind.UnreadableFile],
            [DefectCase.Nan] = [ProblemKind.NonFiniteIntensity],
        });
        Assert.Equal(["00001", "00002", "00003", DefectCase.EmptyLabel], result.ValidCases.Select(c => c.CaseId).Order(StringComparer.Ordinal));
        Assert.True(result.Cases.Single(c => c.CaseId == DefectCase.EmptyLabel).Report!.Statistics!.EmptyLabel);
        Assert.All(result.ValidCases.Where(c => c.CaseId != DefectCase.EmptyLabel), c => Assert.False(c.Report!.Statistics!.EmptyLabel));

        var reasons = result.AllProblems.ToDictionary(p => p.CaseId ?? p.File!, p => p.Reason);
        Assert.Contains("spacing", reasons[DefectCase.SpacingMismatch], StringComparison.Ordinal);
        Assert.DoesNotContain("origin", reasons[DefectCase.SpacingMismatch], StringComparison.Ordinal);
        Assert.Contains("origin", reasons[DefectCase.OriginMismatch], StringComparison.Ordinal);
        Assert.Contains("kits_trunc.nii.gz", reasons[DefectCase.Truncated], StringComparison.Ordinal);
        Assert.Contains("'_'", reasons[$"fran/kits/images/{DatasetBuilder.BadFranName}"], StringComparison.Ordinal);
        Assert.Contains("lits_dup1.nii.gz", reasons[DefectCase.Duplicate], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NnUnet_folder_with_every_kind_of_defect_reports_each_against_its_case_and_registers_the_good_cases()
    {
        new DatasetBuilder(_data.Root).WriteNnUnet("Dataset001", goodCases: 2, Defects.AllNnUnet);

        var result = await DatasourceScanner.ScanAsync(_data.Root, "Dataset001");

        Assert.Equal(DatasourceLayoutKind.NnUnetRaw, result.Layout);
        AssertProblems(result, new Dictionary<string, ProblemKind[]>
        {
            [DefectCase.UnpairedImage] = [ProblemKind.UnpairedImage, ProblemKind.UnpairedImage], // one per channel file
            [DefectCase.UnpairedLabel] = [ProblemKind.UnpairedLabel],
            [$"Dataset001/imagesTr/{DatasetBuilder.BadNnUnetName}"] = [ProblemKind.BadFileName],
            // Reported under the first spelling in ordinal order; the reason names both.
            [DefectCase.Duplicate.ToUpperInvariant()] = [ProblemKind.DuplicateCaseId],
            [DefectCase.SpacingMismatch] = [ProblemKind.GeometryMismatch],
            [DefectCase.OriginMismatch] = [ProblemKind.GeometryMismatch],
            [DefectCase.Truncated] = [ProblemKind.UnreadableFile],
            [DefectCase.Nan] = [ProblemKind.NonFiniteIntensity, ProblemKind.NonFiniteIntensity], // NaN planted in both channels
            [DefectCase.MissingChannel] = [ProblemKind.MissingChannel],
            ["Dataset001/dataset.json"] = [ProblemKind.DatasetJsonMismatch],
        });
        Assert.Equal(["00001", "00002", DefectCase.EmptyLabel], result.ValidCases.Select(c => c.CaseId).Order(StringComparer.Ordinal));
        Assert.All(result.ValidCases, c => Assert.Equal(2, c.Report!.Geometry!.Channels));
        Assert.Equal(2, result.DatasetJson!.Channels.Count);
        var numTraining = result.AllProblems.Single(p => p.Kind == ProblemKind.DatasetJsonMismatch).Reason;
        Assert.Contains("numTraining", numTraining, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_folder_has_no_problems_and_every_case_is_new()
    {
        new DatasetBuilder(_data.Root).WriteFran("clean", goodCases: 4);

        var result = await DatasourceScanner.ScanAsync(_data.Root, "clean");

        Assert.Empty(result.AllProblems);
        Assert.Equal(4, result.ValidCases.Count());
        Assert.All(result.Cases, c => Assert.Equal(CaseChange.New, c.Change));
        Assert.All(result.Cases, c => Assert.Equal("LPS", c.Report!.Geometry!.OrientationCode));
    }

    private static void AssertProblems(ScanResult result, Dictionary<string, ProblemKind[]> expected)
    {
        var actual = result.AllProblems
            .GroupBy(p => p.CaseId ?? p.File!)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Kind).Order().ToArray());
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, kinds) in expected)
            Assert.True(kinds.Order().SequenceEqual(actual[key]), $"{key}: expected {string.Join(",", kinds)}, got {string.Join(",", actual[key])}");
    }
}
