using Platform.Imaging.Volumes;
using Platform.Training.Inference;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Inference;

public sealed class EnsembleAveragerTests
{
    private static readonly Shape3 Shape = new(3, 2, 2);

    private static float[] Constant(float value) => Enumerable.Repeat(value, (int)Shape.VoxelCount).ToArray();

    [Fact]
    public void Members_are_averaged_as_probabilities()
    {
        // Logits (0, ln 3) are probabilities (0.25, 0.75); the other member gives (0.9, 0.1) directly.
        var logits = new ClassMaps(Shape, [Constant(0), Constant((float)Math.Log(3))], ClassMapKind.Logits);
        var probabilities = new ClassMaps(Shape, [Constant(0.9f), Constant(0.1f)], ClassMapKind.Probabilities);

        var mean = EnsembleAverager.Average([logits, probabilities]);

        Assert.Equal(ClassMapKind.Probabilities, mean.Kind);
        Assert.All(mean.Maps[0], v => Assert.Equal(0.575f, v, 5));
        Assert.All(mean.Maps[1], v => Assert.Equal(0.425f, v, 5));
    }

    [Fact]
    public void Two_fake_models_through_the_sliding_window_average_their_softmax()
    {
        // Model A: logits (0, 0, ln 4) → (1/6, 1/6, 4/6). Model B: logits (ln 2, 0, 0) → (1/2, 1/4, 1/4).
        var settings = new SlidingWindowSettings { PatchSize = new Shape3(4, 4, 2), MirrorAxes = SlidingWindowSettings.AllAxes };
        var channel = new Volume<float>(VolumeGeometry.Identity(new Shape3(7, 5, 3)));

        var mean = EnsembleAverager.Average(SegmentationPredictor.PredictMembers([channel], [ConstantLogits(0, 0, Math.Log(4)), ConstantLogits(Math.Log(2), 0, 0)], settings));

        var expected = new[] { ((1.0 / 6) + 0.5) / 2, ((1.0 / 6) + 0.25) / 2, ((4.0 / 6) + 0.25) / 2 };
        for (var k = 0; k < 3; k++)
            Assert.All(mean.Maps[k], v => Assert.Equal(expected[k], v, 5));
    }

    [Fact]
    public void Members_must_agree_on_shape_and_classes()
    {
        var two = new ClassMaps(Shape, [Constant(0), Constant(1)], ClassMapKind.Logits);
        var three = new ClassMaps(Shape, [Constant(0), Constant(1), Constant(2)], ClassMapKind.Logits);

        var e = Assert.Throws<ArgumentException>(() => EnsembleAverager.Average([two, three]));
        Assert.Contains("member 1 has 3 classes", e.Message, StringComparison.Ordinal);
    }

    private static Func<Tensor, Tensor> ConstantLogits(params double[] perClass) => input =>
    {
        var s = input.shape;
        var values = tensor(perClass.Select(v => (float)v).ToArray()).reshape(1, perClass.Length, 1, 1, 1);
        return values.expand(s[0], perClass.Length, s[2], s[3], s[4]).contiguous();
    };
}
