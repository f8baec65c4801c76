using Platform.Imaging.Volumes;

namespace Platform.DemoData.Abdomen;

/// <summary>How big, how fine, how hard and how varied the abdominal phantoms are. Ranges are (Min, Max), drawn uniformly per case unless said otherwise.</summary>
public sealed record AbdomenOptions
{
    public AbdomenModality Modality { get; init; } = AbdomenModality.Ct;

    /// <summary>Nominal voxels per case (x, y, z); z is the slice axis. Each case varies it by <see cref="ShapeJitter"/> (its field of view).</summary>
    public Shape3 Shape { get; init; } = new(96, 96, 40);

    /// <summary>The target spacing in mm: cases scatter around it by <see cref="SpacingJitter"/>, and lesion sizes are given in its voxels.</summary>
    public Vector3D Spacing { get; init; } = new(1.5, 1.5, 3.0);

    /// <summary>Relative spread of each case's spacing (0.12 = ±12%); in-plane voxels stay square.</summary>
    public double SpacingJitter { get; init; } = 0.12;

    /// <summary>Relative spread of each case's voxel counts, so fields of view differ (0.1 = ±10%).</summary>
    public double ShapeJitter { get; init; } = 0.1;

    /// <summary>When true, cases cycle through the <see cref="Phantoms.PhantomOrientation"/>s by seed; otherwise all are LPS-aligned.</summary>
    public bool VaryOrientation { get; init; } = true;

    /// <summary>Chance that a case has no lesion at all.</summary>
    public double NoLesionProbability { get; init; } = 0.2;

    /// <summary>A case with lesions has 1 to this many.</summary>
    public int MaxLesions { get; init; } = 4;

    /// <summary>
    /// Lesion sizes in voxels of <see cref="Spacing"/>, drawn log-uniformly (as many small as large ones per order of
    /// magnitude), each capped by what fits inside its organ.
    /// </summary>
    public (double Min, double Max) LesionVoxels { get; init; } = (20, 1000);

    /// <summary>Chance that a lesion is brighter than its organ rather than darker.</summary>
    public double HyperdenseProbability { get; init; } = 0.35;

    /// <summary>|lesion − organ| in units of the case's noise σ. Low on purpose: lesions are visible but no threshold separates them.</summary>
    public (double Min, double Max) LesionContrastToNoise { get; init; } = (1.0, 2.5);

    /// <summary>Chance that a lesion sits in a kidney rather than in the liver (when one fits there).</summary>
    public double KidneyLesionProbability { get; init; } = 0.3;

    /// <summary>
    /// False leaves noise out of the image (for checks and figures); σ is still drawn, because lesion and bowel
    /// contrasts are given in its units.
    /// </summary>
    public bool AddNoise { get; init; } = true;

    /// <summary>CT noise σ in HU.</summary>
    public (double Min, double Max) CtNoiseHu { get; init; } = (15, 20);

    /// <summary>Peak of CT's smooth additive inhomogeneity (beam hardening, cupping), in HU.</summary>
    public double CtBiasHu { get; init; } = 12;

    /// <summary>MR noise σ as a fraction of the liver's signal (0.05 = SNR 20).</summary>
    public (double Min, double Max) MrNoiseFraction { get; init; } = (0.04, 0.07);

    /// <summary>Peak of MR's multiplicative bias field as a log-gain (0.35 multiplies the signal by 0.70 to 1.42).</summary>
    public double MrBiasStrength { get; init; } = 0.35;

    /// <summary>MR's overall intensity scale per case, drawn log-uniformly: arbitrary units that differ between scans.</summary>
    public (double Min, double Max) MrScale { get; init; } = (200, 3000);

    /// <summary>Sub-voxel samples per axis at boundaries (3 → 27 samples averaged); 1 turns partial volume off.</summary>
    public int Supersampling { get; init; } = 3;

    /// <summary>
    /// Width of the region a voxel averages, in voxels: 1 is the voxel itself (pure partial volume); above 1 it is a
    /// box point-spread function, a mild blur of edges.
    /// </summary>
    public double Footprint { get; init; } = 1.0;

    public void Validate()
    {
        if (Shape.IsEmpty || Shape.X < 32 || Shape.Y < 32 || Shape.Z < 12)
            throw new ArgumentException($"Phantom shape {Shape} is too small: use at least 32×32×12 voxels.", nameof(Shape));
        if (!Spacing.IsFinite || Spacing.X <= 0 || Spacing.Y <= 0 || Spacing.Z <= 0)
            throw new ArgumentException($"Phantom spacing {Spacing} must be positive.", nameof(Spacing));
        Fraction(SpacingJitter, 0.5, nameof(SpacingJitter));
        Fraction(ShapeJitter, 0.5, nameof(ShapeJitter));
        Fraction(NoLesionProbability, 1, nameof(NoLesionProbability), inclusive: true);
        Fraction(HyperdenseProbability, 1, nameof(HyperdenseProbability), inclusive: true);
        Fraction(KidneyLesionProbability, 1, nameof(KidneyLesionProbability), inclusive: true);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxLesions);
        Range(LesionVoxels, nameof(LesionVoxels), positive: true);
        Range(LesionContrastToNoise, nameof(LesionContrastToNoise), positive: false);
        Range(CtNoiseHu, nameof(CtNoiseHu), positive: false);
        Range(MrNoiseFraction, nameof(MrNoiseFraction), positive: false);
        Range(MrScale, nameof(MrScale), positive: true);
        if (CtBiasHu < 0 || !double.IsFinite(CtBiasHu) || MrBiasStrength < 0 || !double.IsFinite(MrBiasStrength))
            throw new ArgumentException($"Bias strengths must be finite and non-negative ({nameof(CtBiasHu)} {CtBiasHu}, {nameof(MrBiasStrength)} {MrBiasStrength}).");
        if (Supersampling is < 1 or > 8)
            throw new ArgumentException($"Supersampling {Supersampling} must be 1 to 8 samples per axis.", nameof(Supersampling));
        if (Footprint is < 1 or > 3 || !double.IsFinite(Footprint))
            throw new ArgumentException($"Footprint {Footprint} must be 1 to 3 voxels.", nameof(Footprint));
    }

    private static void Fraction(double value, double max, string name, bool inclusive = false)
    {
        if (!(value >= 0 && (inclusive ? value <= max : value < max)))
            throw new ArgumentException($"{name} {value} must be in [0, {max}{(inclusive ? "]" : ")")}.", name);
    }

    private static void Range((double Min, double Max) range, string name, bool positive)
    {
        if (!double.IsFinite(range.Min) || !double.IsFinite(range.Max) || range.Max < range.Min || range.Min < 0 || (positive && range.Min <= 0))
            throw new ArgumentException($"{name} [{range.Min}, {range.Max}] must be a finite range with {(positive ? "0 <" : "0 ≤")} min ≤ max.", name);
    }
}
