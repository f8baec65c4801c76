using Platform.Imaging.Volumes;
using Platform.Training.Data;
using Platform.Training.Losses;
using Platform.Training.Networks;
using Platform.Training.Optimization;
using Platform.Training.Tests.Data;
using Platform.Training.Tests.Support;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Networks;

/// <summary>
/// The output layers start at the class prior: an untrained network predicts the class frequencies everywhere, and
/// that start is what lets a target of a few dozen voxels in a patch be learned in a short run.
/// </summary>
public sealed class OutputBiasTests
{
    [Fact]
    public void An_untrained_network_with_prior_biases_predicts_the_class_frequencies_at_every_output()
    {
        using var network = UNet.Create(TinyNetworks.TwoStage3D(classes: 3));
        double[] prior = [0.9, 0.099, 0.001];
        network.InitializeOutputBias(prior);
        network.train();
        // A zero input makes every feature map constant; the instance norms then output their bias (0), so only the
        // heads' biases are left in the logits.
        using var input = zeros([1, 1, 8, 8, 8]);
        foreach (var output in network.forward(input))
        {
            var probabilities = output.softmax(1).mean([0L, 2L, 3L, 4L]).data<float>().ToArray();
            for (var c = 0; c < 3; c++)
                Assert.Equal(prior[c], probabilities[c], 4);
        }
    }

    [Fact]
    public void Frequencies_that_do_not_fit_the_network_are_refused()
    {
        using var network = UNet.Create(TinyNetworks.TwoStage3D(classes: 3));
        Assert.Throws<ArgumentException>(() => network.InitializeOutputBias([0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => network.InitializeOutputBias([1.0, 0.0, 0.0]));
    }

    [Fact]
    public void The_class_frequencies_are_counted_from_the_runs_own_patches_with_oversampling_and_remapping()
    {
        // One case: a 2-voxel-thick slab of class 1 and a single voxel of class 2 in a 24³ volume.
        var shape = new Shape3(24, 24, 24);
        var @case = InMemoryTrainingCase.Create("slab", shape, 1, (_, _, _, _) => 0f,
            (x, y, z) => x == 20 && y == 20 && z == 20 ? (byte)2 : z < 2 ? (byte)1 : (byte)0);
        var options = new BatchLoaderOptions { BatchSize = 2, PatchSize = new Shape3(8, 8, 8), Seed = 3, OversampleForeground = 1 };

        var frequencies = ClassFrequencies.Estimate([@case], options, classes: 3, batches: 8);

        Assert.Equal(1.0, frequencies.Sum(), 9);
        // Every patch is centred on class 1 or class 2 (half each, on average), so both are far above their share of
        // the volume (class 2: 1 voxel in 13,824), and no fraction is zero.
        Assert.All(frequencies, f => Assert.True(f > 0));
        Assert.True(frequencies[2] > 5.0 / 13824, $"class 2 frequency {frequencies[2]}");
        Assert.True(frequencies[1] > 2.0 * 24 * 24 / 13824, $"class 1 frequency {frequencies[1]}");

        var merged = ClassFrequencies.Estimate([@case], options with { LabelRemapping = TrainLabelRemapping.FromMap(new Dictionary<int, int> { [2] = 1 }) }, classes: 3, batches: 8);
        // Remapped into class 1, class 2 never reaches a patch: it gets the floor of one voxel in 8 batches × 2 × 8³.
        Assert.Equal(1.0 / ((8 * 2 * 512) + 1), merged[2], 12);
    }

    [Fact]
    public void Starting_at_the_prior_learns_a_small_target_that_the_zero_bias_start_loses_within_the_same_steps()
    {
        // The mechanism behind the lesion Dice of 0.000: one fixed batch, an 8-voxel target in each of 2 × 32×32×16
        // voxels (0.05%, a small lesion's share of a patch), SGD with nnU-Net's momentum. From zero biases, cross-entropy first drives the target's probability far below its
        // prior and the Dice gradient (proportional to it) cannot bring it back within these steps; from the prior it can.
        var shape = new Shape3(32, 32, 16);
        var random = new Random(5);
        var @case = InMemoryTrainingCase.Create("dot", shape, 1,
            (_, x, y, z) => (InDot(x, y, z) ? 1f : 0f) + (float)(random.NextDouble() * 0.5),
            (x, y, z) => InDot(x, y, z) ? (byte)1 : (byte)0);
        var options = new BatchLoaderOptions { BatchSize = 2, PatchSize = shape, Seed = 1, OversampleForeground = 1 };
        var batch = new BatchBuilder([@case], options).Build(0, new BatchBuilder([@case], options).CreateWorkspace());

        var fromZero = PredictedTargetVoxelsAfterTraining(batch, prior: null, steps: 40);
        var fromPrior = PredictedTargetVoxelsAfterTraining(batch, ClassFrequencies.Estimate([@case], options, classes: 2), steps: 40);

        Assert.Equal(0, fromZero);
        Assert.True(fromPrior >= 12, $"From the prior, {fromPrior} of the 16 target voxels are predicted after 40 steps.");

        static bool InDot(int x, int y, int z) => x is 15 or 16 && y is 15 or 16 && z is 7 or 8;
    }

    private static long PredictedTargetVoxelsAfterTraining(TrainingBatch batch, double[]? prior, int steps)
    {
        manual_seed(11);
        using var network = UNet.Create(new NetworkDescription(NetworkArchitecture.PlainUNet, 1, 2,
            [TinyNetworks.Stage(8, [3, 3, 3], [1, 1, 1]), TinyNetworks.Stage(16, [3, 3, 3], [2, 2, 2]), TinyNetworks.Stage(32, [3, 3, 3], [2, 2, 2])], DeepSupervision: false));
        if (prior is not null)
            network.InitializeOutputBias(prior);
        network.train();
        using var optimizer = TrainingOptimizer.Create(network, new OptimizationOptions(), epochs: 1, iterationsPerEpoch: steps);
        var loss = new DeepSupervisionLoss(new DiceCrossEntropyLoss(new LossOptions()));
        using var images = tensor(batch.Images, batch.ImageShape);
        using var labels = tensor(batch.Labels, batch.LabelShape).to(ScalarType.Int64);
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.SetLearningRate(0, step);
            optimizer.ZeroGradients();
            loss.Compute(network.forward(images), labels).backward();
            optimizer.Step();
        }
        network.eval();
        using var noGrad = no_grad();
        using var prediction = network.Segment(images).argmax(1);
        return prediction.eq(1).logical_and(labels.squeeze(1).eq(1)).sum().item<long>();
    }
}
