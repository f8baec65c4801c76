using Platform.Imaging.Volumes;

namespace Platform.DemoData.Phantoms;

/// <summary>How big, how fine and how varied the generated cases are.</summary>
public sealed record PhantomOptions
{
    /// <summary>Voxels per case (x, y, z); z is the slice axis.</summary>
    public Shape3 Shape { get; init; } = new(64, 64, 32);

    /// <summary>Base spacing in mm; the slice axis is coarser, as in clinical CT.</summary>
    public Vector3D Spacing { get; init; } = new(1.5, 1.5, 4.0);

    /// <summary>Relative spread of each case's spacing around <see cref="Spacing"/> (0.15 = ±15%).</summary>
    public double SpacingJitter { get; init; } = 0.15;

    /// <summary>Standard deviation of the Gaussian image noise, in HU.</summary>
    public double NoiseHu { get; init; } = 20;

    /// <summary>Lesions per case are drawn from 0 to this many.</summary>
    public int MaxLesions { get; init; } = 3;

    /// <summary>
    /// A lesion's radius as a fraction of the organ's smallest radius, drawn uniformly in this range. The default
    /// gives lesions of about 4 to 40 voxels at 2 × 2 × 4 mm.
    /// </summary>
    public (double Min, double Max) LesionRadius { get; init; } = (0.18, 0.32);

    /// <summary>
    /// A factor on the organ's radii, drawn uniformly in this range, for studies whose target is the organ's size (a
    /// regression of its volume). The default (1, 1) draws nothing, so the cases of every seed stay as they were.
    /// </summary>
    public (double Min, double Max) OrganScale { get; init; } = (1, 1);

    /// <summary>When true, cases cycle through <see cref="PhantomOrientation"/>s; otherwise all are LPS-aligned.</summary>
    public bool VaryOrientation { get; init; } = true;

    public void Validate()
    {
        if (Shape.IsEmpty || Shape.X < 16 || Shape.Y < 16 || Shape.Z < 8)
            throw new ArgumentException($"Phantom shape {Shape} is too small: use at least 16×16×8 voxels.", nameof(Shape));
        if (!Spacing.IsFinite || Spacing.X <= 0 || Spacing.Y <= 0 || Spacing.Z <= 0)
            throw new ArgumentException($"Phantom spacing {Spacing} must be positive.", nameof(Spacing));
        if (SpacingJitter is < 0 or >= 0.5)
            throw new ArgumentException($"Spacing jitter {SpacingJitter} must be in [0, 0.5).", nameof(SpacingJitter));
        if (NoiseHu < 0 || !double.IsFinite(NoiseHu))
            throw new ArgumentException($"Noise {NoiseHu} HU must be a finite, non-negative number.", nameof(NoiseHu));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxLesions);
        if (!(LesionRadius.Min > 0 && LesionRadius.Min <= LesionRadius.Max && LesionRadius.Max <= 0.5))
            throw new ArgumentException($"Lesion radius fractions {LesionRadius} must satisfy 0 < min <= max <= 0.5 (a lesion stays inside its organ).", nameof(LesionRadius));
        if (!(OrganScale.Min > 0 && OrganScale.Min <= OrganScale.Max && OrganScale.Max <= 1.4))
            throw new ArgumentException($"Organ scale {OrganScale} must satisfy 0 < min <= max <= 1.4 (the organ stays inside the body).", nameof(OrganScale));
    }
}
