namespace Platform.Preprocessing.Planning;

/// <summary>
/// nnU-Net v2's memory model, written from its rules: count the values of every convolution output a plain U-Net keeps
/// for one patch, and compare with a reference network known to fit a GPU.
/// <para>
/// Per patch (dynamic_network_architectures' compute_conv_feature_map_size): each encoder stage s with F_s features at
/// V_s voxels (patch integer-divided by the cumulative stride) adds its convolutions' outputs, convolutions × F_s × V_s;
/// each decoder stage (every stage but the bottleneck) adds its convolutions' outputs, the transposed convolution's
/// output F_s × V_s, and with deep supervision a segmentation output of classes × V_s. With two convolutions per stage
/// that is Σ (5·F_s + classes)·V_s over the stages above the bottleneck, plus 2·F·V at the bottleneck.
/// </para>
/// <para>
/// nnU-Net's references: a 3D network of 560,000,000 values per patch trains at batch 2 in 8 GB; a 2D one of 85,000,000
/// at batch 12. So one value of one patch costs 8 GB / (2 × 560,000,000) = 7.14 bytes in 3D and 8 GB / (12 × 85,000,000)
/// = 7.84 bytes in 2D, and a budget of B GB holds B/8 of the reference. These bytes stand for everything the count leaves
/// out (normalisation and activation outputs, gradients, weights, optimiser state, workspace), as nnU-Net's reference does.
/// </para>
/// </summary>
public static class MemoryEstimator
{
    public const double Reference3d = 560_000_000, Reference2d = 85_000_000;
    public const int ReferenceBatch3d = 2, ReferenceBatch2d = 12;
    private const double ReferenceGb = 8;

    /// <summary>Convolution output values of one patch, as nnU-Net counts them (deep supervision on).</summary>
    public static double FeatureMapValues(IReadOnlyList<int> patch, IReadOnlyList<NetworkStage> stages, int classes)
    {
        var size = patch.ToArray();
        double values = 0;
        for (var s = 0; s < stages.Count; s++)
        {
            for (var a = 0; a < size.Length; a++)
                size[a] /= stages[s].Stride[a];
            var voxels = size.Aggregate(1.0, (p, v) => p * v);
            values += stages[s].Convolutions * stages[s].Features * voxels;
            if (s < stages.Count - 1)
                values += ((stages[s].Convolutions + 1) * stages[s].Features + classes) * voxels;
        }

        return values;
    }

    /// <summary>Bytes one value of one patch costs by nnU-Net's reference for a 2D or 3D network.</summary>
    public static double BytesPerValue(int axes) => axes == 2
        ? ReferenceGb * 1e9 / (ReferenceBatch2d * Reference2d)
        : ReferenceGb * 1e9 / (ReferenceBatch3d * Reference3d);

    public static double EstimateBytes(IReadOnlyList<int> patch, IReadOnlyList<NetworkStage> stages, int classes, int batchSize) =>
        FeatureMapValues(patch, stages, classes) * BytesPerValue(patch.Count) * batchSize;
}
