using Platform.Imaging.Volumes;
using Platform.Training.Data;
using Platform.Training.Losses;
using Platform.Training.Networks;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Losses;

public sealed class CaseTaskLossTests
{
    [Fact]
    public void Inverse_frequency_weights_make_each_class_weigh_the_same_and_refuse_a_class_without_cases()
    {
        var weights = ClassWeights.InverseFrequency([6, 2], ["healthy", "lesion"]);

        // 8 cases, 2 classes: 8 / (2 · 6) and 8 / (2 · 2); each class's total weight is then 4.
        Assert.Equal([8.0 / 12, 2.0], weights);
        Assert.Equal([1.0, 1.0], ClassWeights.InverseFrequency([5, 5], ["a", "b"]));
        Assert.Contains("'lesion' has no training case", Assert.Throws<ArgumentException>(() => ClassWeights.InverseFrequency([4, 0], ["healthy", "lesion"])).Message);
    }

    [Fact]
    public void Huber_is_squared_near_the_target_and_linear_far_from_it()
    {
        using var scope = NewDisposeScope();
        var predicted = tensor(new float[] { 0.5f, 3f });
        var target = tensor(new float[] { 0f, 0f });

        double mse = RegressionLoss.Compute(predicted, target, RegressionLossKind.Mse).item<float>();
        double huber = RegressionLoss.Compute(predicted, target, RegressionLossKind.Huber).item<float>();

        Assert.Equal((0.25 + 9) / 2, mse, 5);
        // 0.5 · 0.5² and 1 · (3 − 0.5).
        Assert.Equal((0.125 + 2.5) / 2, huber, 5);
    }

    [Fact]
    public void Reconstruction_loss_scores_only_the_masked_voxels()
    {
        using var scope = NewDisposeScope();
        var original = zeros([1, 2, 1, 1, 4]);
        var reconstruction = tensor(new float[] { 1, 1, 100, 100, 3, 3, 100, 100 }).reshape(1, 2, 1, 1, 4);
        var mask = tensor(new float[] { 1, 1, 0, 0 }).reshape(1, 1, 1, 1, 4);

        double loss = MaskedReconstructionLoss.Compute(reconstruction, original, mask).item<float>();

        // Masked: channel 0 errors 1, 1; channel 1 errors 3, 3: (1 + 1 + 9 + 9) / 4. The 100s are visible and ignored.
        Assert.Equal(5.0, loss, 5);
    }

    [Fact]
    public void Block_masks_hide_exactly_the_ratio_of_whole_blocks_and_depend_only_on_the_seed()
    {
        var patch = new Shape3(16, 16, 8);
        var options = new MaskingOptions(MaskRatio: 0.75, BlockSize: 4);

        var mask = BlockMasks.Draw(new Random(3), 2, patch, options);
        var again = BlockMasks.Draw(new Random(3), 2, patch, options);

        Assert.Equal(mask, again);
        int voxels = (int)patch.VoxelCount;
        for (int b = 0; b < 2; b++)
        {
            var sample = mask.AsSpan(b * voxels, voxels).ToArray();
            // 4 × 4 × 2 = 32 blocks, 24 masked.
            Assert.Equal(24 * 64, sample.Count(v => v == 1));
            // Whole blocks: every voxel of a block has its block's first voxel's value.
            for (int z = 0, v = 0; z < patch.Z; z++)
                for (int y = 0; y < patch.Y; y++)
                    for (int x = 0; x < patch.X; x++, v++)
                        Assert.Equal(sample[((z / 4 * 4) * patch.Y + y / 4 * 4) * patch.X + x / 4 * 4], sample[v]);
        }
        Assert.NotEqual(mask.AsSpan(0, voxels).ToArray(), mask.AsSpan(voxels, voxels).ToArray());
        Assert.Throws<ArgumentException>(() => BlockMasks.Draw(new Random(3), 1, patch, options with { MaskRatio = 1 }));
    }

    [Fact]
    public void Target_standardisation_uses_the_training_targets_and_refuses_non_finite_ones()
    {
        var scaling = TargetScaling.Of([10, 20, 30, 40]);

        Assert.Equal(25, scaling.Mean);
        Assert.Equal(Math.Sqrt(125), scaling.Std, 12);
        Assert.Equal(40, scaling.Restore(scaling.Standardise(40)), 12);
        Assert.Equal(1, TargetScaling.Of([7, 7]).Std);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => TargetScaling.Of([1, double.NaN])).Message);
    }
}
