using Platform.Imaging.Volumes;
using Platform.Training.Data;

namespace Platform.Training.Tests.Data;

public sealed class TrainLabelRemappingTests
{
    [Fact]
    public void MapsListedLabelsAndKeepsTheOthers()
    {
        var remapping = TrainLabelRemapping.FromMap(new Dictionary<int, int> { [1] = 0, [2] = 1, [7] = 3 });
        byte[] labels = [0, 1, 2, 3, 7, 255];

        remapping.Apply(labels);

        Assert.Equal(new byte[] { 0, 0, 1, 3, 3, 255 }, labels);
    }

    [Fact]
    public void LabelsOutsideTheByteRangeAreRejectedByName()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainLabelRemapping.FromMap(new Dictionary<int, int> { [3] = 300 }));

        Assert.Contains("remapping_train", error.Message);
        Assert.Contains("300", error.Message);
    }

    [Fact]
    public void LoaderRemapsEveryPatchAndNeverForcesAClassRemappedToBackground()
    {
        // Class 1 sits only at (10, 10, 10) and is remapped away; class 2 only at (30, 30, 30) becomes 1. Every forced
        // patch must centre on the old class 2, and no label 2 may remain.
        var shape = new Shape3(40, 40, 40);
        var source = InMemoryTrainingCase.Create("remap", shape, 1, (_, x, y, z) => 0f,
            (x, y, z) => (byte)(x == 10 && y == 10 && z == 10 ? 1 : x == 30 && y == 30 && z == 30 ? 2 : 0));
        var patch = new Shape3(9, 9, 9);
        var centre = 4 + (9 * (4 + (9 * 4)));
        var options = new BatchLoaderOptions
        {
            BatchSize = 1,
            PatchSize = patch,
            Seed = 5,
            Workers = 1,
            LabelRemapping = TrainLabelRemapping.FromMap(new Dictionary<int, int> { [1] = 0, [2] = 1 }),
        };
        using var loader = new BatchLoader([source], options);

        for (var b = 0; b < 20; b++)
        {
            var batch = loader.Take();
            Assert.Equal(1, batch.Labels[centre]);
            Assert.DoesNotContain((byte)2, batch.Labels);
        }
    }
}
