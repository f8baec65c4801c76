using Platform.Plans.Tasks;
using Platform.Training.Checkpoints;
using Platform.Training.Data;
using Platform.Training.Losses;
using Platform.Training.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Training.Trainer;

/// <summary>
/// Masked-image-modelling pretraining on unlabelled whole cases: each batch hides random blocks of its images
/// (<see cref="BlockMasks"/>), the network reconstructs the image, and the loss is the squared error on the hidden
/// voxels only (<see cref="MaskedReconstructionLoss"/>). What is kept is the encoder: any task's network starts from it
/// through <c>EncoderTransfer</c>.
/// </summary>
public static class MaskedImagePretrainer
{
    /// <param name="network">A fresh network; moved to <paramref name="device"/>, left in eval mode.</param>
    /// <param name="cases">Unlabelled cases (their label maps, if any, are not read).</param>
    /// <param name="options">Run settings.</param>
    /// <param name="device">Where to train.</param>
    /// <param name="progress">Told after each step.</param>
    /// <returns>The mean reconstruction loss per epoch (the curve a pretraining shows).</returns>
    /// <exception cref="ArgumentException">No cases, or a setting out of range.</exception>
    public static IReadOnlyList<double> Train(
        MaskedImageModellingNetwork network,
        IReadOnlyList<ITrainingCase> cases,
        PretrainingOptions options,
        Device device,
        IProgress<IterationReport>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(device);
        options.Validate();
        if (cases.Count == 0)
            throw new ArgumentException("Pretraining needs at least one case.", nameof(cases));
        network.to(device);
        var random = new Random(options.Seed);
        var order = new ShuffledCases(cases.Count, random);
        var description = network.Description;
        var patch = options.PatchSize;
        var (losses, _) = CaseTaskLoop.Run(network, options, () =>
        {
            var indices = order.Next(options.BatchSize);
            var original = BatchTensors.Images(WholeCaseInput.Batch(cases, indices, description.InputChannels, patch), indices.Length, patch, description, device);
            var mask = BatchTensors.Images(BlockMasks.Draw(random, indices.Length, patch, options.Masking), indices.Length, patch, description with { InputChannels = 1 }, device);
            var fill = options.Masking.Fill == MaskFill.Noise ? randn_like(original) * mask : zeros_like(original);
            var visible = original * (1 - mask) + fill;
            return MaskedReconstructionLoss.Compute(network.forward(visible), original, mask);
        }, progress);

        if (options.CheckpointPath is not null)
            CaseTaskCheckpoint.Write(options.CheckpointPath, network, description, TaskKind.Pretraining, head: null, options);
        return losses;
    }
}
