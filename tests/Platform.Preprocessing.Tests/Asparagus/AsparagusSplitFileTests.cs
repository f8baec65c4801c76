using System.Text.Json;
using Platform.Plans.Tasks;
using Platform.Preprocessing.Asparagus;
using Platform.Preprocessing.Splits;
using Platform.Preprocessing.Tests.Splits;

namespace Platform.Preprocessing.Tests.Asparagus;

public sealed class AsparagusSplitFileTests
{
    private const string Task = "SEG005_Kidney";
    private static readonly string[] Known = ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"];

    private static string P(string caseId) => AsparagusFiles.Sample(Task, $"sub-x/{caseId}.pt");

    private static AsparagusSampleLocation Location() =>
        AsparagusSampleLocation.TryCreate(AsparagusFiles.DataRoot, Task, saveAsTensor: true, out var problem) ?? throw new InvalidOperationException(problem);

    /// <summary>Three re-splits drawn from one train+val pool as asparagus_preprocessing's dynamic_split draws them: their val sets overlap.</summary>
    private static string ResplitFile() => AsparagusFiles.Json(new[]
    {
        new { train = new[] { P("c1"), P("c2"), P("c3"), P("c4") }, val = new[] { P("c5"), P("c6") } },
        new { train = new[] { P("c1"), P("c5"), P("c3"), P("c6") }, val = new[] { P("c2"), P("c4") } },
        new { train = new[] { P("c2"), P("c4"), P("c5"), P("c6") }, val = new[] { P("c1"), P("c3") } },
        new { train = new[] { P("c1"), P("c2"), P("c4"), P("c6") }, val = new[] { P("c3"), P("c5") } },
    });

    private static string TestFile() => AsparagusFiles.Json(new[] { P("c7"), P("c8") });

    [Fact]
    public void Read_one_resplit_of_an_asparagus_split_with_its_test_file()
    {
        var split = AsparagusSplitFile.Read(new AsparagusSplitText("split_80_10_10.json", ResplitFile(), TestFile()), Known, resplit: 1);

        var fold = Assert.Single(split.Folds);
        Assert.Equal(["c1", "c3", "c5", "c6"], fold.Train);
        Assert.Equal(["c2", "c4"], fold.Validation);
        Assert.Equal(["c7", "c8"], split.Test);
    }

    [Fact]
    public void Read_overlapping_resplits_without_a_choice_is_refused_naming_the_case_and_resplits()
    {
        var error = Assert.Throws<SplitException>(() =>
            AsparagusSplitFile.Read(new AsparagusSplitText("split_80_10_10.json", ResplitFile(), TestFile()), Known));

        Assert.Equal(
            "split_80_10_10.json: its re-splits are not disjoint folds (case 'c3' is validated in re-splits 2 and 3): import one re-split, as Asparagus trains on one (data.fold)",
            Assert.Single(error.Problems));
    }

    [Fact]
    public void Read_a_resplit_the_file_does_not_have_is_refused()
    {
        var error = Assert.Throws<SplitException>(() =>
            AsparagusSplitFile.Read(new AsparagusSplitText("split_80_10_10.json", ResplitFile(), null), Known, resplit: 4));

        Assert.Equal("split_80_10_10.json has re-splits 0 to 3; there is no re-split 4", Assert.Single(error.Problems));
    }

    [Fact]
    public void Export_then_import_gives_the_same_k_fold_split_and_test_set()
    {
        var cases = SplitAssertions.Cases(23);
        var split = Splitter.Create(cases, new SplitRequest { FoldCount = 5, Seed = 9, Holdout = new TestHoldout(Fraction: 0.2) });

        var (splitJson, testJson) = AsparagusSplitFile.Write(split, Location());
        var back = AsparagusSplitFile.Read(new AsparagusSplitText("split_platform.json", splitJson, testJson), cases.Select(c => c.CaseId).ToList());

        Assert.NotEmpty(split.Test);
        Assert.True(split.SameAs(back));
    }

    [Fact]
    public void Export_writes_the_shapes_asparagus_loads()
    {
        var split = new SplitSet([new SplitFold(["c1", "c2"], ["c3"]), new SplitFold(["c1", "c3"], ["c2"])], ["c4"]);

        var (splitJson, testJson) = AsparagusSplitFile.Write(split, Location());

        using var folds = JsonDocument.Parse(splitJson);
        Assert.Equal(2, folds.RootElement.GetArrayLength());
        var first = folds.RootElement[0];
        Assert.Equal(["train", "val"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("/home/lab/asparagus_data/SEG005_Kidney/c3.pt", first.GetProperty("val")[0].GetString());
        using var test = JsonDocument.Parse(testJson);
        Assert.Equal(["/home/lab/asparagus_data/SEG005_Kidney/c4.pt"], test.RootElement.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Test_file_name_follows_asparagus_replacement_of_split_by_test()
    {
        Assert.Equal("TEST_80_10_10.json", AsparagusSplitFile.TestFileName("split_80_10_10.json"));
        Assert.Equal("BIDSTEST_40_10_50.json", AsparagusSplitFile.TestFileName("BIDSsplit_40_10_50.json"));
    }

    [Fact]
    public void Samples_that_are_not_cases_of_the_project_are_named_with_file_resplit_and_list()
    {
        var json = AsparagusFiles.Json(new[] { new { train = new[] { P("c1") }, val = new[] { P("ghost") } } });
        var test = AsparagusFiles.Json(new[] { P("phantom") });

        var error = Assert.Throws<SplitException>(() => AsparagusSplitFile.Read(new AsparagusSplitText("split_80_10_10.json", json, test), Known));

        Assert.Equal(
            [
                "split_80_10_10.json re-split 0 val: '/home/lab/asparagus_data/SEG005_Kidney/sub-x/ghost.pt' names case 'ghost', which is not a usable case of the project",
                "TEST_80_10_10.json: '/home/lab/asparagus_data/SEG005_Kidney/sub-x/phantom.pt' names case 'phantom', which is not a usable case of the project",
            ],
            error.Problems);
    }

    [Theory]
    [InlineData("""{"train": [], "val": []}""", "split_1.json: the top level must be a list of re-splits, each {\"train\": [...], \"val\": [...]}")]
    [InlineData("""[{"train": 5, "val": []}]""", "split_1.json re-split 0: \"train\" must be a list of case ids")]
    [InlineData("""[{"train": [7], "val": []}]""", "split_1.json re-split 0: \"train\" holds 7, not a case id")]
    [InlineData("""[["a"]]""", "split_1.json re-split 0: must be an object with \"train\" and \"val\"")]
    [InlineData("""[{"val": []}]""", "split_1.json re-split 0: missing \"train\"")]
    [InlineData("""[]""", "split_1.json: there are no re-splits")]
    [InlineData("""[{"train": ["../../etc/c1.pt"], "val": []}]""", "split_1.json re-split 0 train: '../../etc/c1.pt' climbs out of its folder with '..'")]
    [InlineData("""[{"train": ["/data/SEG005_Kidney/c1.npy"], "val": []}]""", "split_1.json re-split 0 train: '/data/SEG005_Kidney/c1.npy' is not a processed sample: it does not end with .pt, .nii.gz, .nii")]
    [InlineData("""[{"train": ["/data/\u0000/c1.pt"], "val": []}]""", "split_1.json re-split 0 train: the entry '/data/?/c1.pt' holds a control character")]
    [InlineData("not json", "split_1.json: not valid JSON (")]
    public void Hostile_split_files_are_refused_with_a_clear_problem(string json, string expected)
    {
        var error = Assert.Throws<SplitException>(() => AsparagusSplitFile.Read(new AsparagusSplitText("split_1.json", json, null), Known));

        Assert.StartsWith(expected, Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_file_that_is_not_a_list_of_paths_is_refused()
    {
        var split = AsparagusFiles.Json(new[] { new { train = new[] { P("c1") }, val = new[] { P("c2") } } });

        var error = Assert.Throws<SplitException>(() => AsparagusSplitFile.Read(new AsparagusSplitText("split_1.json", split, """{"test": []}"""), Known));

        Assert.Equal("TEST_1.json: the top level must be a list of sample paths", Assert.Single(error.Problems));
    }

    [Fact]
    public void More_resplits_than_the_limit_are_refused_without_reading_them()
    {
        var json = "[" + string.Join(",", Enumerable.Repeat("""{"train": [], "val": []}""", AsparagusSplitFile.MaxResplits + 1)) + "]";

        var error = Assert.Throws<SplitException>(() => AsparagusSplitFile.Read(new AsparagusSplitText("split_1.json", json, null), Known));

        Assert.Equal($"split_1.json: lists {AsparagusSplitFile.MaxResplits + 1} re-splits; at most {AsparagusSplitFile.MaxResplits} are read", Assert.Single(error.Problems));
    }

    [Fact]
    public void A_test_case_also_in_a_fold_is_named_with_the_file()
    {
        var split = AsparagusFiles.Json(new[] { new { train = new[] { P("c1"), P("c7") }, val = new[] { P("c2") } } });

        var error = Assert.Throws<SplitException>(() => AsparagusSplitFile.Read(new AsparagusSplitText("split_1.json", split, AsparagusFiles.Json(new[] { P("c7") })), Known));

        Assert.Equal("split_1.json: test case 'c7' is also used in fold 0", Assert.Single(error.Problems));
    }

    [Theory]
    [InlineData("relative/data", "SEG005_Kidney", "the Asparagus data folder 'relative/data' must be an absolute path with '/' separators (the value of $ASPARAGUS_DATA where Asparagus trains)")]
    [InlineData("/data/../etc", "SEG005_Kidney", "'/data/../etc' climbs out of its folder with '..'")]
    [InlineData("/data", "Kidney", "'Kidney' is not an Asparagus task name such as SEG005_Kidney")]
    public void Export_locations_are_checked(string root, string task, string expected)
    {
        Assert.Null(AsparagusSampleLocation.TryCreate(root, task, saveAsTensor: true, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Nifti_samples_get_the_nifti_ending()
    {
        var location = AsparagusSampleLocation.TryCreate("/data/", "CLS003_Sald", saveAsTensor: false, out _)!;

        Assert.Equal(TaskKind.Classification, location.Task.Kind);
        Assert.Equal("/data/CLS003_Sald/case7.nii.gz", AsparagusSamplePaths.PathOf(location, "case7"));
    }
}
