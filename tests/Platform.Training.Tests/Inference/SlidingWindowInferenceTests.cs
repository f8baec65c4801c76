using Platform.Imaging.Volumes;
using Platform.Training.Inference;
using Platform.Training.Tests.Support;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Inference;

public sealed class SlidingWindowInferenceTests
{
    private static readonly Shape3 Patch = new(8, 6, 4);

    public static TheoryData<int, int, int, bool> Shapes => new()
    {
        { 13, 11, 7, false },  // larger than the patch, no multiple of it
        { 13, 11, 7, true },
        { 5, 3, 2, false },    // smaller than the patch on every axis: padded
        { 5, 3, 2, true },
        { 10, 4, 9, true },    // smaller on y only
        { 8, 6, 4, true },     // exactly one patch
    };

    private static SlidingWindowSettings Settings(bool mirror) => new()
    {
        PatchSize = Patch,
        MirrorAxes = mirror ? SlidingWindowSettings.AllAxes : [],
        TileBatchSize = 3,
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_network_returning_its_input_reproduces_the_image(int x, int y, int z, bool mirror)
    {
        var shape = new Shape3(x, y, z);
        var image = TestVolumes.Random(2 * (int)shape.VoxelCount, seed: x + y + z);

        var result = SlidingWindowInference.Predict(image, 2, shape, input => input, Settings(mirror));

        Assert.Equal(ClassMapKind.Logits, result.Kind);
        Assert.Equal(shape, result.Shape);
        Assert.Equal(2, result.ClassCount);
        var voxels = (int)shape.VoxelCount;
        for (var c = 0; c < 2; c++)
            for (var i = 0; i < voxels; i++)
                Assert.True(Math.Abs(result.Maps[c][i] - image[(c * voxels) + i]) <= 1e-5, $"class {c} voxel {i}: {result.Maps[c][i]} vs {image[(c * voxels) + i]}");
    }

    [Fact]
    public void Channels_given_as_volumes_keep_their_order()
    {
        var shape = new Shape3(9, 7, 5);
        var geometry = VolumeGeometry.Identity(shape);
        var first = new Volume<float>(geometry, TestVolumes.Random((int)shape.VoxelCount, 1));
        var second = new Volume<float>(geometry, TestVolumes.Random((int)shape.VoxelCount, 2));

        var result = SlidingWindowInference.Predict([first, second], input => input, Settings(mirror: false));

        Assert.Equal(first.Data, result.Maps[0], new ToleranceComparer(1e-5f));
        Assert.Equal(second.Data, result.Maps[1], new ToleranceComparer(1e-5f));
    }

    [Fact]
    public void Scaled_one_hot_logits_of_a_label_give_that_label_back_as_argmax_with_probabilities_summing_to_one()
    {
        var shape = new Shape3(14, 9, 6);
        var label = TestVolumes.Labels(shape);
        TestVolumes.Fill(label, 2, 1, 1, 9, 6, 4, (byte)1);
        TestVolumes.Fill(label, 9, 3, 2, 13, 8, 6, (byte)2);
        var image = label.ConvertTo<float>();
        var settings = Settings(mirror: true) with { Accumulation = WindowAccumulation.Probabilities };

        var result = SlidingWindowInference.Predict([image], OneHotOfChannelZero(3), settings);

        Assert.Equal(ClassMapKind.Probabilities, result.Kind);
        Assert.Equal(label.Data, result.Argmax(label.Geometry).Data);
        for (var i = 0; i < label.Data.Length; i++)
            Assert.Equal(1f, result.Maps[0][i] + result.Maps[1][i] + result.Maps[2][i], 5);
    }

    [Fact]
    public void Mirroring_averages_the_flipped_back_passes()
    {
        // The network adds c·(x position inside the tile). Unmirrored and x-mirrored passes average to
        // c·(patch.X - 1)/2 everywhere, whatever the tile and its weight; without the mirrored pass, or with a
        // pass not flipped back, the added value would vary across the image.
        const float c = 0.5f;
        var shape = new Shape3(13, 11, 7);
        var image = TestVolumes.Random((int)shape.VoxelCount, 7);
        Func<Tensor, Tensor> network = input => input + (arange(Patch.X, ScalarType.Float32).reshape(1, 1, 1, 1, Patch.X) * c);
        var settings = Settings(mirror: false) with { MirrorAxes = [0] };

        var result = SlidingWindowInference.Predict(image, 1, shape, network, settings);

        var expectedShift = c * (Patch.X - 1) / 2;
        for (var i = 0; i < image.Length; i++)
            Assert.True(Math.Abs(result.Maps[0][i] - (image[i] + expectedShift)) <= 1e-5, $"voxel {i}: {result.Maps[0][i]} vs {image[i] + expectedShift}");

        var unmirrored = SlidingWindowInference.Predict(image, 1, shape, network, Settings(mirror: false));
        Assert.Contains(Enumerable.Range(0, image.Length), i => Math.Abs(unmirrored.Maps[0][i] - (image[i] + expectedShift)) > 0.1);
    }

    [Fact]
    public void Mirroring_over_all_axes_runs_every_combination_once_per_tile()
    {
        var shape = new Shape3(13, 6, 4); // tiles along x only: starts 0, 3, 5
        var calls = 0;
        var batchSizes = new List<long>();
        var settings = Settings(mirror: true) with { TileBatchSize = 2 };

        SlidingWindowInference.Predict(new float[shape.VoxelCount], 1, shape, input =>
        {
            calls++;
            batchSizes.Add(input.shape[0]);
            return input;
        }, settings);

        Assert.Equal(2 * 8, calls); // two batches (2 tiles + 1 tile), each plain + 7 mirrored passes
        Assert.Equal(8, batchSizes.Count(b => b == 2));
        Assert.Equal(8, batchSizes.Count(b => b == 1));
    }

    [Fact]
    public void A_network_returning_the_wrong_shape_is_reported()
    {
        var shape = new Shape3(9, 7, 5);

        var e = Assert.Throws<InvalidOperationException>(() =>
            SlidingWindowInference.Predict(new float[shape.VoxelCount], 1, shape, input => input[.., .., ..2], Settings(false)));

        Assert.Contains("expected logits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_settings_are_refused_with_the_field_named()
    {
        var e = Assert.Throws<ArgumentException>(() => (Settings(false) with { MirrorAxes = [3] }).Validate());
        Assert.Contains("Mirror axis 3", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => (Settings(false) with { StepFraction = 0 }).Validate());
        Assert.Throws<ArgumentException>(() => (Settings(false) with { PatchSize = new Shape3(8, 0, 4) }).Validate());
    }

    /// <summary>A fake network: channel 0 holds class indices; it returns 10 × their one-hot encoding.</summary>
    internal static Func<Tensor, Tensor> OneHotOfChannelZero(int classes) => input =>
    {
        var indices = input[.., 0].round().clamp(0, classes - 1).to(ScalarType.Int64);
        return nn.functional.one_hot(indices, classes).permute(0, 4, 1, 2, 3).to(ScalarType.Float32) * 10;
    };

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
