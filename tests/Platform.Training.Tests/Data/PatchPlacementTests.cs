using Platform.Imaging.Volumes;
using Platform.Training.Data;

namespace Platform.Training.Tests.Data;

public sealed class PatchPlacementTests
{
    [Theory]
    // case, sampled, final → nnU-Net's lbs = -need//2 (floor), ubs = case + need//2 + need%2 - sampled.
    [InlineData(100, 40, 40, 0, 60)]
    [InlineData(100, 51, 40, -6, 55)]
    [InlineData(100, 50, 40, -5, 55)]
    [InlineData(20, 30, 30, -5, -5)]
    [InlineData(20, 31, 24, -6, -5)]
    public void StartRangeFollowsNnUNetsNeedToPad(int caseSize, int sampled, int final, int lower, int upper)
    {
        Assert.Equal((lower, upper), PatchPlacement.StartRange(caseSize, sampled, final));
    }

    [Fact]
    public void RandomStartsReachBothEndsAndNothingBeyond()
    {
        var random = new BatchRandom(3);
        var shape = new Shape3(30, 20, 10);
        var sampled = new Shape3(12, 12, 12);
        var final = new Shape3(8, 8, 8);
        var seen = new HashSet<int>();
        for (var i = 0; i < 5_000; i++)
        {
            var start = PatchPlacement.Random(shape, sampled, final, random);
            Assert.InRange(start.X, -2, 20);
            Assert.InRange(start.Y, -2, 10);
            Assert.InRange(start.Z, -2, 0);
            seen.Add(start.X);
        }

        Assert.Equal(23, seen.Count);
    }

    [Fact]
    public void PatchAroundAVoxelIsCentredOnItAndNeverBelowTheLowestStart()
    {
        var shape = new Shape3(50, 50, 50);
        var sampled = new Shape3(20, 20, 20);

        Assert.Equal(new VoxelIndex(15, 20, 30), PatchPlacement.Around(shape, sampled, sampled, new VoxelIndex(25, 30, 40)));
        Assert.Equal(new VoxelIndex(0, 0, 0), PatchPlacement.Around(shape, sampled, sampled, new VoxelIndex(1, 2, 3)));
        var start = PatchPlacement.Around(shape, sampled, new Shape3(12, 12, 12), new VoxelIndex(1, 49, 3));
        Assert.Equal(new VoxelIndex(-4, 39, -4), start);
    }
}
