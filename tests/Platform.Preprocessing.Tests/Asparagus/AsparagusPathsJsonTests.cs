using Platform.Preprocessing.Asparagus;

namespace Platform.Preprocessing.Tests.Asparagus;

public sealed class AsparagusPathsJsonTests
{
    [Fact]
    public void Every_sample_names_its_case_by_file_name_without_the_extension()
    {
        var json = AsparagusFiles.Json(new[]
        {
            AsparagusFiles.Sample("PT003_BrainMRI", "sub-01/ses-1/anat/sub-01_ses-1_T1w.pt"),
            AsparagusFiles.Sample("PT003_BrainMRI", "sub-02/anat/sub-02_FLAIR.nii.gz"),
        });

        var samples = AsparagusPathsJson.Parse(json);

        Assert.Equal(["sub-01_ses-1_T1w", "sub-02_FLAIR"], samples.Select(s => s.CaseId));
        Assert.Equal("/home/lab/asparagus_data/PT003_BrainMRI/sub-01/ses-1/anat/sub-01_ses-1_T1w.pt", samples[0].Path);
    }

    [Fact]
    public void Each_bad_entry_is_named_by_its_index()
    {
        const string json = """
            [
                "/data/SEG001_A/ok.pt",
                42,
                "/data/SEG001_A/../../../etc/shadow.pt",
                "/data/SEG001_A/other/ok.pt",
                "/data/SEG001_A/notes.txt",
                ""
            ]
            """;

        var error = Assert.Throws<AsparagusFormatException>(() => AsparagusPathsJson.Parse(json));

        Assert.Equal(
            [
                "paths.json entry 1: holds 42, not a sample path",
                "paths.json entry 2: '/data/SEG001_A/../../../etc/shadow.pt' climbs out of its folder with '..'",
                "paths.json entry 3: '/data/SEG001_A/other/ok.pt' names case 'ok' again (entry 0 named it first); case names must be unique within a task",
                "paths.json entry 4: '/data/SEG001_A/notes.txt' is not a processed sample: it does not end with .pt, .nii.gz, .nii",
                "paths.json entry 5: the entry is empty",
            ],
            error.Problems);
    }

    [Theory]
    [InlineData("""{"paths": []}""", "paths.json: the top level must be a list of sample paths")]
    [InlineData("""[]""", "paths.json: lists no samples")]
    public void Wrong_shapes_are_refused(string json, string expected)
    {
        var error = Assert.Throws<AsparagusFormatException>(() => AsparagusPathsJson.Parse(json));

        Assert.Equal(expected, Assert.Single(error.Problems));
    }

    [Fact]
    public void A_huge_list_is_refused_before_its_entries_are_read()
    {
        var json = "[" + string.Join(",", Enumerable.Repeat("0", AsparagusPathsJson.MaxSamples + 1)) + "]";

        var error = Assert.Throws<AsparagusFormatException>(() => AsparagusPathsJson.Parse(json));

        Assert.Equal($"paths.json: lists {AsparagusPathsJson.MaxSamples + 1} samples; at most {AsparagusPathsJson.MaxSamples} are read", Assert.Single(error.Problems));
    }

    [Fact]
    public void A_path_longer_than_any_real_one_is_refused()
    {
        var json = AsparagusFiles.Json(new[] { "/" + new string('a', AsparagusSamplePaths.MaxPathLength) + ".pt" });

        var error = Assert.Throws<AsparagusFormatException>(() => AsparagusPathsJson.Parse(json));

        Assert.Equal($"paths.json entry 0: the entry starting '/{new string('a', 39)}' is longer than {AsparagusSamplePaths.MaxPathLength} characters", Assert.Single(error.Problems));
    }

    [Fact]
    public void Many_bad_entries_are_listed_up_to_a_limit_with_a_count_of_the_rest()
    {
        var json = "[" + string.Join(",", Enumerable.Repeat("1", 150)) + "]";

        var error = Assert.Throws<AsparagusFormatException>(() => AsparagusPathsJson.Parse(json));

        Assert.Equal(101, error.Problems.Count);
        Assert.Equal("paths.json: and 50 more problems", error.Problems[^1]);
    }
}
