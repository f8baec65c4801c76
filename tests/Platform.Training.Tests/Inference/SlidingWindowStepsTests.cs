using Platform.Training.Inference;

namespace Platform.Training.Tests.Inference;

public sealed class SlidingWindowStepsTests
{
    [Theory]
    [InlineData(10, 4, new[] { 0, 2, 4, 6 })]        // (10-4)/2 = 3 steps of exactly half a patch
    [InlineData(11, 4, new[] { 0, 2, 4, 5, 7 })]     // 4 steps of 1.75, rounded half to even as numpy does
    [InlineData(4, 4, new[] { 0 })]                  // image = patch: one tile
    [InlineData(5, 4, new[] { 0, 1 })]               // one voxel more: a second tile flush with the edge
    [InlineData(13, 8, new[] { 0, 2, 5 })]           // ceil(5/4)+1 = 3 tiles, step 2.5: 2.5 rounds to even 2
    public void Starts_are_spread_evenly_and_the_last_tile_is_flush_with_the_edge(int image, int patch, int[] expected)
    {
        var starts = SlidingWindowSteps.Starts(image, patch, 0.5);

        Assert.Equal(expected, starts);
        Assert.Equal(image - patch, starts[^1]);
        for (var i = 1; i < starts.Length; i++)
            Assert.True(starts[i] - starts[i - 1] <= patch * 0.5, $"gap {starts[i] - starts[i - 1]} exceeds half the patch");
    }

    [Fact]
    public void A_smaller_step_fraction_gives_more_tiles()
    {
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5, 6 }, SlidingWindowSteps.Starts(10, 4, 0.25));
    }

    [Fact]
    public void An_image_smaller_than_the_patch_must_be_padded_first()
    {
        var e = Assert.Throws<ArgumentException>(() => SlidingWindowSteps.Starts(3, 4, 0.5));
        Assert.Contains("smaller than the patch", e.Message, StringComparison.Ordinal);
    }
}
