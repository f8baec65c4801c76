using Platform.Imaging.Labels;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Labels;

public sealed class BinaryDilationTests
{
    private static readonly Shape3 Shape = new(7, 7, 7);

    private static int At(int x, int y, int z) => x + (7 * (y + (7 * z)));

    [Fact]
    public void One_step_grows_a_voxel_by_faces_and_edges_but_not_corners()
    {
        var mask = new bool[Shape.VoxelCount];
        mask[At(3, 3, 3)] = true;

        var grown = BinaryDilation.Dilate(mask, Shape, 1);

        Assert.Equal(1 + 6 + 12, grown.Count(v => v));
        Assert.True(grown[At(4, 4, 3)]);
        Assert.False(grown[At(4, 4, 4)]);
        Assert.False(mask[At(4, 3, 3)]); // the input is left alone
    }

    [Fact]
    public void Two_steps_reach_the_corner_and_stop_at_the_image_edge()
    {
        var mask = new bool[Shape.VoxelCount];
        mask[At(0, 0, 0)] = true;

        var grown = BinaryDilation.Dilate(mask, Shape, 2);

        Assert.True(grown[At(1, 1, 1)]);
        Assert.True(grown[At(2, 0, 0)]);
        Assert.False(grown[At(3, 0, 0)]);
        Assert.Equal(mask, BinaryDilation.Dilate(mask, Shape, 0));
    }
}
