using Platform.Training.Data;
using Platform.Training.Networks;
using static TorchSharp.torch;

namespace Platform.Training.Trainer;

/// <summary>Turns a <see cref="TrainingBatch"/> into the network's input and the loss's target on a device. A 2D
/// network takes patches one voxel deep in z, with that dimension dropped.</summary>
internal static class BatchTensors
{
    public static (Tensor Images, Tensor Labels) ToDevice(TrainingBatch batch, NetworkDescription network, Device device)
    {
        if (batch.Channels != network.InputChannels)
            throw new ArgumentException(
                $"Batch {batch.Index} has {batch.Channels} channel(s); the network takes {network.InputChannels}.", nameof(batch));
        if (network.Dimensions == 2 && batch.PatchSize.Z != 1)
            throw new ArgumentException(
                $"Batch {batch.Index} has patches {batch.PatchSize.Z} voxels deep in z; a 2D network takes patches 1 voxel deep.", nameof(batch));
        long[] imageShape = batch.ImageShape;
        long[] labelShape = batch.LabelShape;
        if (network.Dimensions == 2)
        {
            imageShape = [imageShape[0], imageShape[1], imageShape[3], imageShape[4]];
            labelShape = [labelShape[0], labelShape[1], labelShape[3], labelShape[4]];
        }
        var images = Owned(batch.Images, imageShape).to(device);
        using var sharedLabels = tensor(batch.Labels, labelShape);
        var labels = sharedLabels.clone();
        int highest = labels.max().item<byte>();
        if (highest >= network.Classes)
            throw new ArgumentException(
                $"Batch {batch.Index} holds label {highest}; the network has {network.Classes} classes (0..{network.Classes - 1}).", nameof(batch));
        return (images, labels.to(ScalarType.Int64).to(device));
    }

    /// <summary>
    /// Whole-case images [B, C, Z, Y, X] (flat, see <c>WholeCaseInput</c>) as the network's input on a device; a 2D
    /// network takes cases one voxel deep in z, with that dimension dropped.
    /// </summary>
    public static Tensor Images(float[] images, int batchSize, Platform.Imaging.Volumes.Shape3 patch, NetworkDescription network, Device device)
    {
        if (network.Dimensions == 2 && patch.Z != 1)
            throw new ArgumentException($"A 2D network takes cases 1 voxel deep in z; the patch is {patch}.", nameof(patch));
        long[] shape = network.Dimensions == 2
            ? [batchSize, network.InputChannels, patch.Y, patch.X]
            : [batchSize, network.InputChannels, patch.Z, patch.Y, patch.X];
        return Owned(images, shape).to(device);
    }

    // clone(): the tensor must own its memory. A tensor made from a managed array may alias that array, and
    // backward reads the input again long after the forward; torch-owned memory keeps that read valid.
    private static Tensor Owned(float[] values, long[] shape)
    {
        using var shared = tensor(values, shape);
        return shared.clone();
    }
}
