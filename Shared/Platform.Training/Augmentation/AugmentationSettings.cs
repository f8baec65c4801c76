using Platform.Imaging.Volumes;

namespace Platform.Training.Augmentation;

/// <summary>
/// Which augmentations a training batch gets, with what probability and parameter ranges. <see cref="NnUNet"/> gives
/// nnU-Net v2's default set (nnUNetTrainer.get_training_transforms); every value can be changed with <c>with</c>.
/// Probabilities are per sample unless named "PerChannel" (then each channel of a chosen sample is augmented with that
/// probability). Axes are (x, y, z); "in-plane" means the x–y plane, z being the through-plane axis of anisotropic data.
/// </summary>
public sealed record AugmentationSettings
{
    /// <summary>Rotation about x, y and z: when applied, each axis gets an angle uniform in ±its range (radians).</summary>
    public double RotationProbability { get; init; } = 0.2;

    public double RotationRangeX { get; init; } = DegreesToRadians(30);

    public double RotationRangeY { get; init; } = DegreesToRadians(30);

    public double RotationRangeZ { get; init; } = DegreesToRadians(30);

    /// <summary>One isotropic zoom factor for all scaled axes (nnU-Net: synchronised across axes).</summary>
    public double ScaleProbability { get; init; } = 0.2;

    public ValueRange ScaleRange { get; init; } = new(0.7, 1.4);

    /// <summary>Scale only x and y (anisotropic data, nnU-Net's "dummy 2D" augmentation).</summary>
    public bool InPlaneOnly { get; init; }

    /// <summary>
    /// The smallest scale assumed when enlarging the sampled patch (nnU-Net's get_patch_size uses 0.85 although it
    /// scales down to 0.7: the rare corners that fall outside the enlarged patch become padding).
    /// </summary>
    public double InitialPatchMinScale { get; init; } = 0.85;

    public bool MirrorX { get; init; } = true;

    public bool MirrorY { get; init; } = true;

    public bool MirrorZ { get; init; } = true;

    /// <summary>Probability that each allowed axis is flipped.</summary>
    public double MirrorProbability { get; init; } = 0.5;

    /// <summary>Additive Gaussian noise; the standard deviation is uniform in <see cref="NoiseStdRange"/> (see <see cref="GaussianNoise"/>).</summary>
    public double NoiseProbability { get; init; } = 0.1;

    public ValueRange NoiseStdRange { get; init; } = new(0, 0.1);

    public double BlurProbability { get; init; } = 0.2;

    public double BlurPerChannelProbability { get; init; } = 0.5;

    /// <summary>Each axis gets its own sigma (voxels) from this range.</summary>
    public ValueRange BlurSigmaRange { get; init; } = new(0.5, 1.0);

    public double BrightnessProbability { get; init; } = 0.15;

    public ValueRange BrightnessRange { get; init; } = new(0.75, 1.25);

    public double ContrastProbability { get; init; } = 0.15;

    public ValueRange ContrastRange { get; init; } = new(0.75, 1.25);

    /// <summary>Clamp the contrast-changed channel to its range before the change.</summary>
    public bool ContrastPreservesRange { get; init; } = true;

    public double LowResolutionProbability { get; init; } = 0.25;

    public double LowResolutionPerChannelProbability { get; init; } = 0.5;

    /// <summary>Zoom factor of the simulated acquisition (one factor for all downsampled axes).</summary>
    public ValueRange LowResolutionZoomRange { get; init; } = new(0.5, 1.0);

    /// <summary>Gamma on the inverted image (nnU-Net's first GammaTransform, p 0.1).</summary>
    public double InvertedGammaProbability { get; init; } = 0.1;

    /// <summary>Gamma on the image as it is (nnU-Net's second GammaTransform, p 0.3).</summary>
    public double GammaProbability { get; init; } = 0.3;

    public ValueRange GammaRange { get; init; } = new(0.7, 1.5);

    /// <summary>Restore each channel's mean and standard deviation after gamma.</summary>
    public bool GammaRetainsStats { get; init; } = true;

    /// <summary>True when rotation or scaling can happen, so a larger patch must be sampled first.</summary>
    public bool HasSpatialTransform =>
        (RotationProbability > 0 && (RotationRangeX > 0 || RotationRangeY > 0 || RotationRangeZ > 0))
        || (ScaleProbability > 0 && (ScaleRange.Min != 1 || ScaleRange.Max != 1));

    /// <summary>
    /// nnU-Net v2's defaults for a final patch of <paramref name="patchSize"/>. When the patch is anisotropic
    /// (largest edge more than 3 times the z edge) it switches to "dummy 2D" augmentation as nnU-Net does: rotation
    /// about z only, over ±180°, scaling and low-resolution simulation in-plane only.
    /// </summary>
    public static AugmentationSettings NnUNet(Shape3 patchSize)
    {
        if (patchSize.IsEmpty)
            throw new ArgumentException($"The patch size {patchSize} must be positive along every axis.", nameof(patchSize));
        var largest = Math.Max(patchSize.X, Math.Max(patchSize.Y, patchSize.Z));
        if ((double)largest / patchSize.Z <= AnisotropyThreshold)
            return new AugmentationSettings();
        return new AugmentationSettings
        {
            InPlaneOnly = true,
            RotationRangeX = 0,
            RotationRangeY = 0,
            RotationRangeZ = DegreesToRadians(180),
        };
    }

    /// <summary>nnU-Net's ANISO_THRESHOLD for switching to in-plane augmentation.</summary>
    public const double AnisotropyThreshold = 3;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        CheckProbability(RotationProbability, nameof(RotationProbability));
        CheckProbability(ScaleProbability, nameof(ScaleProbability));
        CheckProbability(MirrorProbability, nameof(MirrorProbability));
        CheckProbability(NoiseProbability, nameof(NoiseProbability));
        CheckProbability(BlurProbability, nameof(BlurProbability));
        CheckProbability(BlurPerChannelProbability, nameof(BlurPerChannelProbability));
        CheckProbability(BrightnessProbability, nameof(BrightnessProbability));
        CheckProbability(ContrastProbability, nameof(ContrastProbability));
        CheckProbability(LowResolutionProbability, nameof(LowResolutionProbability));
        CheckProbability(LowResolutionPerChannelProbability, nameof(LowResolutionPerChannelProbability));
        CheckProbability(InvertedGammaProbability, nameof(InvertedGammaProbability));
        CheckProbability(GammaProbability, nameof(GammaProbability));
        foreach (var (value, name) in new[] { (RotationRangeX, nameof(RotationRangeX)), (RotationRangeY, nameof(RotationRangeY)), (RotationRangeZ, nameof(RotationRangeZ)) })
        {
            if (!double.IsFinite(value) || value < 0 || value > Math.PI)
                throw new ArgumentException($"Augmentation setting {name}: {value} rad is not within [0, π].");
        }
        ScaleRange.Validate(nameof(ScaleRange));
        if (ScaleRange.Min <= 0)
            throw new ArgumentException($"Augmentation setting {nameof(ScaleRange)}: {ScaleRange} must be positive.");
        if (!(InitialPatchMinScale > 0 && InitialPatchMinScale <= 1))
            throw new ArgumentException($"Augmentation setting {nameof(InitialPatchMinScale)}: {InitialPatchMinScale} is not within (0, 1].");
        NoiseStdRange.Validate(nameof(NoiseStdRange));
        if (NoiseStdRange.Min < 0)
            throw new ArgumentException($"Augmentation setting {nameof(NoiseStdRange)}: {NoiseStdRange} must not be negative.");
        BlurSigmaRange.Validate(nameof(BlurSigmaRange));
        if (BlurSigmaRange.Min <= 0 || BlurSigmaRange.Max > GaussianBlur.MaxSigma)
            throw new ArgumentException($"Augmentation setting {nameof(BlurSigmaRange)}: {BlurSigmaRange} must lie within (0, {GaussianBlur.MaxSigma}].");
        BrightnessRange.Validate(nameof(BrightnessRange));
        ContrastRange.Validate(nameof(ContrastRange));
        LowResolutionZoomRange.Validate(nameof(LowResolutionZoomRange));
        if (LowResolutionZoomRange.Min <= 0 || LowResolutionZoomRange.Max > 1)
            throw new ArgumentException($"Augmentation setting {nameof(LowResolutionZoomRange)}: {LowResolutionZoomRange} must lie within (0, 1].");
        GammaRange.Validate(nameof(GammaRange));
        if (GammaRange.Min <= 0)
            throw new ArgumentException($"Augmentation setting {nameof(GammaRange)}: {GammaRange} must be positive.");
    }

    public static double DegreesToRadians(double degrees) => degrees * Math.PI / 180.0;

    private static void CheckProbability(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
            throw new ArgumentException($"Augmentation setting {name}: probability {value} is not within [0, 1].");
    }
}
