using Platform.Datasources.Layouts;
using Platform.Datasources.Paths;
using Platform.Testing.Datasets;

namespace Platform.Datasources.Tests.Layouts;

public sealed class NnUnetLayoutTests : IDisposable
{
    private readonly TempDataRoot _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void TryParse_v2_dataset_json_reads_channels_labels_ending_and_count()
    {
        var json = NnUnetDatasetJson.TryParse("""{"channel_names":{"0":"T2","1":"ADC"},"labels":{"background":0,"PZ":1,"TZ":2},"numTraining":32,"file_ending":".nrrd"}""", out var reason);

        Assert.NotNull(json);
        Assert.Equal("", reason);
        Assert.Equal(["T2", "ADC"], json.Channels.OrderBy(c => c.Key).Select(c => c.Value));
        Assert.Equal(2, json.Labels["TZ"]);
        Assert.Equal(".nrrd", json.FileEnding);
        Assert.Equal(32, json.NumTraining);
    }

    [Fact]
    public void TryParse_v1_dataset_json_reads_modality_and_value_keyed_labels()
    {
        var json = NnUnetDatasetJson.TryParse("""{"modality":{"0":"CT"},"labels":{"0":"background","1":"spleen"},"numTraining":41}""", out _);

        Assert.NotNull(json);
        Assert.Equal("CT", json.Channels[0]);
        Assert.Equal(1, json.Labels["spleen"]);
        Assert.Equal(".nii.gz", json.FileEnding);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"labels":{}}""", "neither")]
    [InlineData("""{"channel_names":{"0":"CT","2":"PET"}}""", "without gaps")]
    public void TryParse_broken_dataset_json_says_why(string text, string expected)
    {
        Assert.Null(NnUnetDatasetJson.TryParse(text, out var reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Enumerate_pairs_channels_in_order()
    {
        new DatasetBuilder(_data.Root).WriteNnUnet("Dataset002", goodCases: 2);

        var listing = DatasourceLayouts.Enumerate(DatasourceLocation.Resolve(_data.Root, "Dataset002"));

        Assert.Empty(listing.Problems);
        var first = listing.Cases[0];
        Assert.Equal(["Dataset002/imagesTr/00001_0000.nii.gz", "Dataset002/imagesTr/00001_0001.nii.gz"], first.Images);
        Assert.Equal("Dataset002/labelsTr/00001.nii.gz", first.Label);
    }

    [Fact]
    public void Enumerate_file_ending_or_extra_channel_disagreeing_with_dataset_json_is_reported()
    {
        new DatasetBuilder(_data.Root).WriteNnUnet("Dataset003", goodCases: 2);
        File.Copy(_data.PathOf("Dataset003/imagesTr/00001_0000.nii.gz"), _data.PathOf("Dataset003/imagesTr/00001_0002.nii.gz"));
        File.WriteAllText(_data.PathOf("Dataset003/labelsTr/00003.nrrd"), "x");

        var listing = DatasourceLayouts.Enumerate(DatasourceLocation.Resolve(_data.Root, "Dataset003"));

        Assert.Equal(2, listing.Cases.Count);
        var problems = listing.Problems.Where(p => p.Kind == ProblemKind.DatasetJsonMismatch).ToList();
        Assert.Contains(problems, p => p.File == "Dataset003/imagesTr/00001_0002.nii.gz" && p.Reason.Contains("declares 2 channel", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File == "Dataset003/labelsTr/00003.nrrd" && p.Reason.Contains("file_ending", StringComparison.Ordinal));
    }

    [Fact]
    public void Enumerate_without_dataset_json_reports_it_and_infers_channels()
    {
        new DatasetBuilder(_data.Root).WriteNnUnet("Dataset004", goodCases: 1);
        File.Delete(_data.PathOf("Dataset004/dataset.json"));

        var listing = DatasourceLayouts.Enumerate(DatasourceLocation.Resolve(_data.Root, "Dataset004"));

        Assert.Equal(ProblemKind.DatasetJsonMismatch, Assert.Single(listing.Problems).Kind);
        Assert.Equal(2, Assert.Single(listing.Cases).Images.Count);
    }
}
