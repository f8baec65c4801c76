using System.Text.Json;
using Platform.Preprocessing.Splits;

namespace Platform.Preprocessing.Tests.Splits;

public sealed class SplitFileTests
{
    private static readonly string[] Known = ["a", "b", "c", "d", "e", "f"];

    private static CaseNameMap Names(IEnumerable<SplitCase> cases) => CaseNameMap.Identity(cases.Select(c => c.CaseId));

    [Fact]
    public void NnUNet_round_trip_gives_the_same_folds()
    {
        var cases = SplitAssertions.Cases(17);
        var split = Splitter.Create(cases, new SplitRequest { Seed = 21 });

        var back = NnUNetSplitsFile.Read(NnUNetSplitsFile.Write(split, Names(cases)), Names(cases));

        Assert.True(split.SameAs(back));
    }

    [Fact]
    public void NnUNet_write_produces_a_list_of_train_val_objects()
    {
        var split = new SplitSet([new SplitFold(["a", "b"], ["c"]), new SplitFold(["a", "c"], ["b"])], ["z"]);

        using var json = JsonDocument.Parse(NnUNetSplitsFile.Write(split, CaseNameMap.Identity(["a", "b", "c", "z"])));

        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        var first = json.RootElement[0];
        Assert.Equal(["a", "b"], first.GetProperty("train").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["c"], first.GetProperty("val").EnumerateArray().Select(e => e.GetString()));
        Assert.False(first.TryGetProperty("test", out _));
    }

    [Fact]
    public void NnUNet_read_accepts_a_file_written_by_nnunet()
    {
        const string json = """[{"train": ["b", "c"], "val": ["a"]}, {"train": ["a", "c"], "val": ["b"]}]""";

        var split = NnUNetSplitsFile.Read(json, CaseNameMap.Identity(Known));

        Assert.Equal(2, split.Folds.Count);
        Assert.Equal(["b", "c"], split.Folds[0].Train);
        Assert.Equal(["b"], split.Folds[1].Validation);
    }

    [Fact]
    public void NnUNet_read_names_unknown_cases_double_validation_and_train_val_overlap()
    {
        const string json = """
            [{"train": ["b", "x1"], "val": ["a", "b"]},
             {"train": ["c"], "val": ["a"]}]
            """;

        var error = Assert.Throws<SplitException>(() => NnUNetSplitsFile.Read(json, CaseNameMap.Identity(Known)));

        Assert.Contains(error.Problems, p => p.Contains("unknown case 'x1'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("case 'b' is in both train and val of fold 0", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("case 'a' is in the val sets of fold 0 and fold 1", StringComparison.Ordinal));
        Assert.Equal(3, error.Problems.Count);
    }

    [Theory]
    [InlineData("{\"train\": []}")]
    [InlineData("[{\"train\": [\"a\"]}]")]
    [InlineData("[{\"train\": [1], \"val\": [\"a\"]}]")]
    [InlineData("not json")]
    [InlineData("[]")]
    public void NnUNet_read_malformed_files_are_refused(string json)
    {
        var error = Assert.Throws<SplitException>(() => NnUNetSplitsFile.Read(json, CaseNameMap.Identity(Known)));

        Assert.NotEmpty(error.Problems);
    }
}
