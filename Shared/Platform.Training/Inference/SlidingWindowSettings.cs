using Platform.Imaging.Volumes;
using TorchSharp;

namespace Platform.Training.Inference;

/// <summary>What the tiles are averaged as before the per-voxel division by the weight sum.</summary>
public enum WindowAccumulation
{
    /// <summary>
    /// Raw network outputs (nnU-Net v2): no softmax per tile and per mirror, one softmax at the end when
    /// probabilities are asked for. Cheaper, and the result of a network that returns its input is the input.
    /// </summary>
    Logits,

    /// <summary>Softmax per tile and per mirror, then averaged (nnU-Net v1): a confident wrong tile weighs no more than 1.</summary>
    Probabilities,
}

/// <summary>
/// Sliding-window inference settings (nnU-Net's defaults: step 0.5 of the patch, Gaussian weighting with
/// σ = patch/8, mirroring over every axis combination when <see cref="MirrorAxes"/> lists the axes).
/// </summary>
public sealed record SlidingWindowSettings
{
    /// <summary>Mirroring over x, y and z: every non-empty combination of them, plus the unmirrored input (8 passes).</summary>
    public static IReadOnlyList<int> AllAxes { get; } = [0, 1, 2];

    /// <summary>Tile extent in voxels (x, y, z), the patch size the network was trained on.</summary>
    public required Shape3 PatchSize { get; init; }

    /// <summary>Distance between tile starts as a fraction of the patch (at most); starts are spread evenly.</summary>
    public double StepFraction { get; init; } = 0.5;

    /// <summary>Weights each tile by a Gaussian centred on it, because network outputs are worst near tile borders.</summary>
    public bool GaussianWeighting { get; init; } = true;

    /// <summary>σ of the importance map per axis as a fraction of the patch extent.</summary>
    public double SigmaFraction { get; init; } = 1.0 / 8;

    /// <summary>Spatial axes mirrored for test-time augmentation (0 = x, 1 = y, 2 = z); empty = no mirroring.</summary>
    public IReadOnlyList<int> MirrorAxes { get; init; } = [];

    /// <summary>Tiles sent through the network at once.</summary>
    public int TileBatchSize { get; init; } = 2;

    public WindowAccumulation Accumulation { get; init; } = WindowAccumulation.Logits;

    /// <summary>Where the network runs; null = the CPU. The network's parameters must already live there.</summary>
    public torch.Device? Device { get; init; }

    /// <summary>Where the K × image accumulator lives; null = <see cref="Device"/>. The CPU saves GPU memory on big images.</summary>
    public torch.Device? AccumulationDevice { get; init; }

    public void Validate()
    {
        if (PatchSize.IsEmpty)
            throw new ArgumentException($"Sliding-window patch size {PatchSize} must be positive along every axis.", nameof(PatchSize));
        if (!(StepFraction > 0 && StepFraction <= 1))
            throw new ArgumentException($"Sliding-window step fraction {StepFraction} must be in (0, 1].", nameof(StepFraction));
        if (!(SigmaFraction > 0) || !double.IsFinite(SigmaFraction))
            throw new ArgumentException($"Gaussian sigma fraction {SigmaFraction} must be a positive number.", nameof(SigmaFraction));
        if (TileBatchSize < 1)
            throw new ArgumentException($"Tile batch size {TileBatchSize} must be at least 1.", nameof(TileBatchSize));
        ArgumentNullException.ThrowIfNull(MirrorAxes, nameof(MirrorAxes));
        foreach (var axis in MirrorAxes)
            if (axis is < 0 or > 2)
                throw new ArgumentException($"Mirror axis {axis} is not a spatial axis (0 = x, 1 = y, 2 = z).", nameof(MirrorAxes));
        if (MirrorAxes.Distinct().Count() != MirrorAxes.Count)
            throw new ArgumentException($"Mirror axes [{string.Join(", ", MirrorAxes)}] list an axis twice.", nameof(MirrorAxes));
    }
}
