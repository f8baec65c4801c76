using Platform.Datasources.Layouts;
using Platform.Testing.Datasets;
using Platform.Datasources.Validation;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;

namespace Platform.Datasources.Tests.Validation;

public sealed class CaseHeaderReaderTests : IDisposable
{
    private readonly TempDataRoot _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Read_channel_on_another_grid_is_a_channel_mismatch_and_within_tolerance_is_not()
    {
        var labels = SyntheticCase.Labels(SyntheticCase.Geometry());
        ImageFile.Write(_data.PathOf("c0.nii.gz"), SyntheticCase.Image(labels, 1));
        var shifted = new VolumeGeometry(labels.Shape, SyntheticCase.DefaultSpacing, new Vector3D(-18, -18, -20 + 5e-5), Matrix3.Identity);
        ImageFile.Write(_data.PathOf("c1.nii.gz"), new Volume<short>(shifted, SyntheticCase.Image(labels, 2).Data));
        ImageFile.Write(_data.PathOf("l.nii.gz"), labels);
        var files = new CaseFiles("c", ["c0.nii.gz", "c1.nii.gz"], "l.nii.gz");

        var strict = CaseHeaderReader.Read(files, _data.PathOf, CaseValidationOptions.Default with { GeometryTolerance = 1e-6 });
        var loose = CaseHeaderReader.Read(files, _data.PathOf);

        var problem = Assert.Single(strict.Problems);
        Assert.Equal(ProblemKind.ChannelGeometryMismatch, problem.Kind);
        Assert.Equal("c1.nii.gz", problem.File);
        Assert.Contains("origin", problem.Reason, StringComparison.Ordinal);
        Assert.True(loose.IsValid);
        Assert.Equal(((24 * 24 * 16 * 2) * 2) + (24 * 24 * 16), loose.EstimatedBytes);
    }

    [Fact]
    public void Read_file_that_is_not_an_image_reports_the_imaging_message()
    {
        File.WriteAllText(_data.PathOf("img.nii"), "not an image at all");
        DatasetBuilder.WriteCase([], _data.PathOf("l.nii.gz"), seed: 1);

        var headers = CaseHeaderReader.Read(new CaseFiles("c", ["img.nii"], "l.nii.gz"), _data.PathOf);

        var problem = Assert.Single(headers.Problems);
        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.StartsWith(_data.PathOf("img.nii") + ":", problem.Reason, StringComparison.Ordinal);
        Assert.False(headers.IsValid);
    }
}
