using Platform.Imaging.Volumes;
using Platform.Training.Augmentation;

namespace Platform.Training.Tests.Augmentation;

public sealed class MirroringTests
{
    private static readonly Shape3 Size = new(5, 4, 3);

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    [InlineData(true, true, true)]
    public void FlipMovesEachVoxelToItsMirrorPosition(bool x, bool y, bool z)
    {
        var original = Enumerable.Range(0, (int)Size.VoxelCount).Select(i => (float)i).ToArray();
        var flipped = (float[])original.Clone();

        Mirroring.Flip<float>(flipped, Size, x, y, z);

        for (var zi = 0; zi < Size.Z; zi++)
            for (var yi = 0; yi < Size.Y; yi++)
                for (var xi = 0; xi < Size.X; xi++)
                {
                    var mx = x ? Size.X - 1 - xi : xi;
                    var my = y ? Size.Y - 1 - yi : yi;
                    var mz = z ? Size.Z - 1 - zi : zi;
                    Assert.Equal(original[mx + (Size.X * (my + (Size.Y * mz)))], flipped[xi + (Size.X * (yi + (Size.Y * zi)))]);
                }
    }

    [Fact]
    public void FlippingTwiceRestoresThePatch()
    {
        var original = Enumerable.Range(0, (int)Size.VoxelCount).Select(i => (byte)(i * 7)).ToArray();
        var patch = (byte[])original.Clone();

        Mirroring.Flip<byte>(patch, Size, true, true, true);
        Assert.NotEqual(original, patch);
        Mirroring.Flip<byte>(patch, Size, true, true, true);

        Assert.Equal(original, patch);
    }
}
