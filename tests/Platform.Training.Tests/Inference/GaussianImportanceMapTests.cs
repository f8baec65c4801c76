using Platform.Imaging.Volumes;
using Platform.Training.Inference;

namespace Platform.Training.Tests.Inference;

public sealed class GaussianImportanceMapTests
{
    private static int Index(Shape3 s, int x, int y, int z) => x + (s.X * (y + (s.Y * z)));

    [Fact]
    public void Peak_is_one_at_the_centre_voxel_and_values_follow_sigma_of_an_eighth_of_the_patch()
    {
        var patch = new Shape3(16, 8, 4);
        var map = GaussianImportanceMap.Create(patch);

        Assert.Equal(1f, map[Index(patch, 8, 4, 2)]);
        Assert.Equal(1f, map.Max());
        // σx = 2: at 2 voxels along x the weight is exp(-1/2); at 4 along x and 1 along y (σy = 1), exp(-2)·exp(-1/2).
        Assert.Equal(Math.Exp(-0.5), map[Index(patch, 10, 4, 2)], 6);
        Assert.Equal(Math.Exp(-2.5), map[Index(patch, 4, 5, 2)], 6);
        Assert.All(map, v => Assert.True(v > 0));
    }

    [Fact]
    public void Odd_patches_are_symmetric_about_the_centre()
    {
        var patch = new Shape3(9, 7, 5);
        var map = GaussianImportanceMap.Create(patch);

        for (var z = 0; z < patch.Z; z++)
            for (var y = 0; y < patch.Y; y++)
                for (var x = 0; x < patch.X; x++)
                {
                    var value = map[Index(patch, x, y, z)];
                    Assert.Equal(value, map[Index(patch, patch.X - 1 - x, y, z)]);
                    Assert.Equal(value, map[Index(patch, x, patch.Y - 1 - y, patch.Z - 1 - z)]);
                }
    }

    [Fact]
    public void Weights_that_underflow_to_zero_are_raised_to_the_smallest_non_zero_weight()
    {
        // σ = 0.4 voxels: 20 voxels from the centre exp(-1250) is 0 in float, and must not stay 0.
        var patch = new Shape3(40, 1, 1);
        var map = GaussianImportanceMap.Create(patch, sigmaFraction: 0.01);

        var unclamped = Enumerable.Range(0, 40).Select(x => (float)Math.Exp(-((x - 20.0) * (x - 20.0)) / (2 * 0.4 * 0.4))).ToArray();
        var smallest = unclamped.Where(v => v > 0).Min();
        Assert.Contains(0f, unclamped);
        Assert.All(map, v => Assert.True(v >= smallest));
        Assert.Equal(smallest, map[0]);
        Assert.Equal(1f, map[20]);
    }
}
