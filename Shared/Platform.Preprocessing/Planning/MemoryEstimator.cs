namespace Platform.Preprocessing.Planning;

/// <summary>
/// Our estimate of training memory (not nnU-Net's code): activations dominate, so we count the
/// feature-map voxels a U-Net keeps for the backward pass and scale them.
/// <para>
/// Per stage s with F_s features at V_s voxels (patch / cumulative stride): the encoder stores two
/// convolution outputs (2·F_s·V_s); every stage but the bottleneck also has a decoder stage with two
/// convolution outputs (another 2·F_s·V_s; its upsampling and skip concatenation are folded into the
/// constant). bytes = K × 4 (fp32) × batch × Σ_s units_s.
/// </para>
/// <para>
/// K = 2.79 calibrates this to nnU-Net's reference, a 3D network with 32 base features, six stages
/// (32, 64, 128, 256, 320, 320), patch 128³, batch 2, which takes about 8 GB:
/// units = 4·(32·128³ + 64·64³ + 128·32³ + 256·16³ + 320·8³) + 2·320·4³ = 357,212,160;
/// 4 bytes × 2 × 357,212,160 = 2.858 GB; 8 GB / 2.858 GB = 2.799, rounded down to 2.79 so the
    /// reference itself fits an 8 GB budget (7.97 GB).
/// K covers what the count leaves out: normalisation and activation outputs, gradients, weights
/// and optimiser state, the framework's workspace.
/// </para>
/// </summary>
public static class MemoryEstimator
{
    public const double Calibration = 2.79;
    private const int BytesPerValue = 4;

    public static double EstimateBytes(IReadOnlyList<int> patch, IReadOnlyList<NetworkStage> stages, int batchSize)
    {
        var voxels = patch.Select(p => (double)p).ToArray();
        double units = 0;
        for (var s = 0; s < stages.Count; s++)
        {
            for (var a = 0; a < voxels.Length; a++)
                voxels[a] /= stages[s].Stride[a];
            var stageVoxels = voxels.Aggregate(1.0, (p, v) => p * v);
            var maps = stages[s].Convolutions * (s == stages.Count - 1 ? 1 : 2);
            units += maps * stages[s].Features * stageVoxels;
        }
        return Calibration * BytesPerValue * batchSize * units;
    }
}
