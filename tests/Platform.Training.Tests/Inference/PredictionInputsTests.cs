using Platform.Training.Inference;
using Platform.Training.Tests.Support;

namespace Platform.Training.Tests.Inference;

public sealed class PredictionInputsTests
{
    [Fact]
    public void Channel_files_group_by_case_and_other_image_files_are_cases_of_their_own()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "liver_01_0001.nii.gz", "liver_01_0000.nii.gz", "single.nii", "scan.nrrd", ".hidden_0000.nii.gz", "notes.txt", "gap_0000.nii.gz", "gap_0002.nii.gz" })
            File.WriteAllText(Path.Combine(folder.Path, name), "");

        var cases = PredictionInputs.Discover(folder.Path).ToDictionary(c => c.CaseId);

        Assert.Equal(["gap", "liver_01", "scan", "single"], cases.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["liver_01_0000.nii.gz", "liver_01_0001.nii.gz"], cases["liver_01"].Files.Select(Path.GetFileName));
        Assert.Null(cases["liver_01"].Problem);
        Assert.Null(cases["single"].Problem);
        Assert.Equal("scan.nrrd", Path.GetFileName(Assert.Single(cases["scan"].Files)));
        Assert.Contains("gap_0001", cases["gap"].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_named_both_as_a_single_file_and_as_channels_is_a_problem()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "a_0000.nii.gz"), "");
        File.WriteAllText(Path.Combine(folder.Path, "a.nii.gz"), "");

        var input = Assert.Single(PredictionInputs.Discover(folder.Path));

        Assert.Equal("a", input.CaseId);
        Assert.Contains("more than one file", input.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_imported_labels_folder_each_case_takes_its_map_by_case_id_and_a_case_without_one_is_named()
    {
        using var folder = new TempFolder();
        var images = folder.Sub("images");
        var imported = folder.Sub("localiser");
        foreach (var name in new[] { "ct_1_0000.nii.gz", "ct_2.nii.gz" })
            File.WriteAllText(Path.Combine(images, name), "");
        File.WriteAllText(Path.Combine(imported, "ct_1.nrrd"), "");

        var cases = PredictionInputs.Discover(images, imported).ToDictionary(c => c.CaseId);

        Assert.Equal(Path.Combine(imported, "ct_1.nrrd"), cases["ct_1"].ImportedLabel);
        Assert.Null(cases["ct_1"].Problem);
        Assert.Null(cases["ct_2"].ImportedLabel);
        Assert.StartsWith("Case ct_2: no imported label map 'ct_2'", cases["ct_2"].Problem, StringComparison.Ordinal);
    }
}
