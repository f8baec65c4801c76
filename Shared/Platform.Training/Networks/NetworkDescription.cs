using Platform.Preprocessing.Planning;

namespace Platform.Training.Networks;

/// <summary>
/// Everything needed to build a <see cref="UNet"/>; stored in checkpoints so a checkpoint can only be loaded into
/// the network it was written from. The stages' per-axis lists are in (x, y[, z]) order, as the plan writes them;
/// their length (2 or 3) makes the network 2D or 3D.
/// </summary>
/// <param name="Architecture">Plain or residual encoder.</param>
/// <param name="InputChannels">Image channels (modalities).</param>
/// <param name="Classes">Output classes including background.</param>
/// <param name="Stages">Encoder stages, full resolution first; the decoder mirrors all but the last.</param>
/// <param name="DeepSupervision">Whether training-mode forward passes return one output per decoder stage.</param>
/// <param name="ResidualBlocksPerStage">
/// Residual blocks per encoder stage for <see cref="NetworkArchitecture.ResidualEncoderUNet"/>; null takes nnU-Net's
/// ResEnc preset (1, 3, 4, 6, 6, ...). Ignored by the plain U-Net.
/// </param>
/// <param name="ResidualDecoderConvolutions">Convolutions per decoder stage of the residual variant (nnU-Net uses 1).</param>
public sealed record NetworkDescription(
    NetworkArchitecture Architecture,
    int InputChannels,
    int Classes,
    IReadOnlyList<NetworkStage> Stages,
    bool DeepSupervision = true,
    IReadOnlyList<int>? ResidualBlocksPerStage = null,
    int ResidualDecoderConvolutions = 1)
{
    /// <summary>2 or 3, from the length of the stages' kernel lists.</summary>
    public int Dimensions => Stages.Count > 0 ? Stages[0].KernelSize.Count : 0;

    /// <summary>Outputs of a training-mode forward pass with deep supervision (one per decoder stage).</summary>
    public int DecoderStages => Stages.Count - 1;

    /// <summary>nnU-Net's ResEnc block counts: 1, 3, 4, then 6 for every deeper stage.</summary>
    public IReadOnlyList<int> EffectiveResidualBlocks =>
        ResidualBlocksPerStage ?? Enumerable.Range(0, Stages.Count).Select(s => s switch { 0 => 1, 1 => 3, 2 => 4, _ => 6 }).ToArray();

    /// <summary>Total downsampling per axis in (x, y[, z]) order; a patch must be divisible by it.</summary>
    public IReadOnlyList<int> PoolingFactor =>
        Enumerable.Range(0, Dimensions).Select(a => Stages.Aggregate(1, (f, s) => f * s.Stride[a])).ToArray();

    /// <summary>Checks the description and says what is wrong with it.</summary>
    /// <exception cref="ArgumentException">Any inconsistency, naming the stage and field.</exception>
    public void Validate()
    {
        ValidateEncoder();
        if (Classes < 2)
            throw new ArgumentException($"A segmentation network needs at least 2 classes including background (got {Classes}).", nameof(Classes));
        if (Architecture == NetworkArchitecture.ResidualEncoderUNet && ResidualDecoderConvolutions < 1)
            throw new ArgumentException($"The residual variant needs at least 1 decoder convolution per stage (got {ResidualDecoderConvolutions}).", nameof(ResidualDecoderConvolutions));
    }

    /// <summary>
    /// Checks what the <see cref="UNetEncoder"/> is built from (channels, stages, residual blocks), not the classes or
    /// the decoder: the networks of other tasks hold the same encoder with heads of their own.
    /// </summary>
    /// <exception cref="ArgumentException">Any inconsistency, naming the stage and field.</exception>
    public void ValidateEncoder()
    {
        if (InputChannels < 1)
            throw new ArgumentException($"The network needs at least one input channel (got {InputChannels}).", nameof(InputChannels));
        if (Stages is null || Stages.Count < 2)
            throw new ArgumentException($"A U-Net needs at least 2 stages (got {Stages?.Count ?? 0}).", nameof(Stages));
        int dimensions = Stages[0].KernelSize?.Count ?? 0;
        if (dimensions is not (2 or 3))
            throw new ArgumentException($"Stage 0 has {dimensions} kernel sizes; a network is 2D or 3D.", nameof(Stages));
        for (int s = 0; s < Stages.Count; s++)
        {
            var stage = Stages[s];
            if (stage is null)
                throw new ArgumentException($"Stage {s} is null.", nameof(Stages));
            if (stage.Features < 1)
                throw new ArgumentException($"Stage {s} has {stage.Features} features; it needs at least 1.", nameof(Stages));
            if (stage.Convolutions < 1)
                throw new ArgumentException($"Stage {s} has {stage.Convolutions} convolutions; it needs at least 1.", nameof(Stages));
            if (stage.KernelSize?.Count != dimensions || stage.Stride?.Count != dimensions)
                throw new ArgumentException(
                    $"Stage {s} has {stage.KernelSize?.Count ?? 0} kernel sizes and {stage.Stride?.Count ?? 0} strides; stage 0 set {dimensions} axes.",
                    nameof(Stages));
            for (int a = 0; a < dimensions; a++)
            {
                if (stage.KernelSize[a] < 1 || stage.KernelSize[a] % 2 == 0)
                    throw new ArgumentException($"Stage {s} axis {"xyz"[a]} has kernel size {stage.KernelSize[a]}; it must be odd and positive.", nameof(Stages));
                if (stage.Stride[a] < 1)
                    throw new ArgumentException($"Stage {s} axis {"xyz"[a]} has stride {stage.Stride[a]}; it must be positive.", nameof(Stages));
                if (s == 0 && stage.Stride[a] != 1)
                    throw new ArgumentException($"Stage 0 axis {"xyz"[a]} has stride {stage.Stride[a]}; the first stage runs at full resolution (stride 1).", nameof(Stages));
            }
        }
        if (Architecture == NetworkArchitecture.ResidualEncoderUNet)
        {
            var blocks = EffectiveResidualBlocks;
            if (blocks.Count != Stages.Count || blocks.Any(b => b < 1))
                throw new ArgumentException(
                    $"The residual encoder needs one block count of at least 1 per stage ({Stages.Count} stages); got [{string.Join(", ", blocks)}].",
                    nameof(ResidualBlocksPerStage));
        }
    }
}
