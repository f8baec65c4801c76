using Platform.Imaging.Volumes;
using Platform.Preprocessing.Storage;
using Platform.Training.Data;

namespace Platform.Training.Tests.Data;

public sealed class PreprocessedTrainingCaseTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "training-case-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void ReadsTheStoredCaseAndFeedsTheLoader()
    {
        var shape = new Shape3(14, 12, 10);
        var geometry = new VolumeGeometry(shape, new Vector3D(1, 1, 1), new Vector3D(0, 0, 0), Matrix3.Identity);
        var image = new Volume<float>(geometry);
        var label = new Volume<byte>(geometry);
        for (var i = 0; i < image.Data.Length; i++)
        {
            image.Data[i] = i;
            label.Data[i] = (byte)(i % 3);
        }
        PreprocessedCaseWriter.Write(_folder, "case01", [image], label, "{}");
        var locations = new Dictionary<int, VoxelIndex[]> { [1] = [new VoxelIndex(1, 0, 0)], [2] = [new VoxelIndex(2, 0, 0)] };

        using var trainingCase = PreprocessedTrainingCase.Open(_folder, "case01", locations);
        var patch = new float[4 * 4 * 4];
        trainingCase.ReadImagePatch(patch, new VoxelIndex(-1, 0, 0), new Shape3(4, 4, 4));
        Assert.Equal(0f, patch[0]);
        Assert.Equal(image[0, 0, 0], patch[1]);
        Assert.Equal(image[2, 3, 3], patch[3 + (4 * (3 + (4 * 3)))]);

        using var loader = new BatchLoader([trainingCase], new BatchLoaderOptions { BatchSize = 2, PatchSize = new Shape3(6, 6, 6), Workers = 1 });
        var batch = loader.Take();
        Assert.Equal("case01", trainingCase.CaseId);
        Assert.Contains(batch.Labels, l => l != 0);
    }

    [Fact]
    public void LocationsOutsideTheCaseAreRejectedWithTheCaseAndClass()
    {
        var shape = new Shape3(4, 4, 4);
        var geometry = new VolumeGeometry(shape, new Vector3D(1, 1, 1), new Vector3D(0, 0, 0), Matrix3.Identity);
        PreprocessedCaseWriter.Write(_folder, "case02", [new Volume<float>(geometry)], new Volume<byte>(geometry), "{}");

        var error = Assert.Throws<ArgumentException>(() =>
            PreprocessedTrainingCase.Open(_folder, "case02", new Dictionary<int, VoxelIndex[]> { [3] = [new VoxelIndex(4, 0, 0)] }));

        Assert.Contains("case02", error.Message);
        Assert.Contains("class 3", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
