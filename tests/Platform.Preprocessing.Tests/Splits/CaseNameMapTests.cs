using System.Text.Json;
using Platform.Preprocessing.Splits;

namespace Platform.Preprocessing.Tests.Splits;

/// <summary>A splits_final.json names cases as nnU-Net does; the map turns those names into case ids and back.</summary>
public sealed class CaseNameMapTests
{
    private static readonly CaseNameMap Fran = new([("00001", "kits_00001"), ("00002", "kits_00002"), ("00003", "kits_00003")]);

    [Fact]
    public void Written_files_list_the_names_and_read_files_give_case_ids_back()
    {
        var split = new SplitSet([new SplitFold(["00001", "00002"], ["00003"]), new SplitFold(["00003"], ["00001", "00002"])], []);

        var json = NnUNetSplitsFile.Write(split, Fran);

        using (var document = JsonDocument.Parse(json))
            Assert.Equal(["kits_00001", "kits_00002"], document.RootElement[0].GetProperty("train").EnumerateArray().Select(e => e.GetString()));
        Assert.True(split.SameAs(NnUNetSplitsFile.Read(json, Fran)));
    }

    [Fact]
    public void A_file_that_lists_case_ids_still_reads()
    {
        var split = NnUNetSplitsFile.Read("""[{"train": ["00001", "kits_00002"], "val": ["00003"]}]""", Fran);

        Assert.Equal(["00001", "00002"], split.Folds[0].Train);
    }

    [Fact]
    public void Names_no_case_has_are_named_in_the_refusal()
    {
        var error = Assert.Throws<SplitException>(() => NnUNetSplitsFile.Read("""[{"train": ["kits_00001", "kits_00009"], "val": ["kits_00003"]}]""", Fran));

        Assert.Equal(["unknown case 'kits_00009' in fold 0 train"], error.Problems);
    }

    [Fact]
    public void A_name_and_a_case_id_of_one_case_listed_together_are_a_duplicate()
    {
        var error = Assert.Throws<SplitException>(() => NnUNetSplitsFile.Read("""[{"train": ["00001", "kits_00001"], "val": ["kits_00003"]}]""", Fran));

        Assert.Equal(["case '00001' is listed 2 times in fold 0 train"], error.Problems);
    }

    [Fact]
    public void One_name_for_two_cases_is_refused() =>
        Assert.Contains("'kits_00001' names both case '00001' and case 'kits_00001'",
            Assert.Throws<SplitException>(() => new CaseNameMap([("00001", "kits_00001"), ("kits_00001", "kits_00001")])).Problems[0], StringComparison.Ordinal);
}
