namespace Platform.Datasources.Validation;

/// <summary>Knobs of per-case validation and statistics.</summary>
public sealed record CaseValidationOptions
{
    public static CaseValidationOptions Default { get; } = new();

    /// <summary>Absolute tolerance for spacing (mm), origin (mm) and direction cosines; FRAN uses 1e-4.</summary>
    public double GeometryTolerance { get; init; } = GeometryComparison.DefaultTolerance;

    /// <summary>
    /// Foreground intensities kept per channel for dataset-level percentiles later. 10,000 per case keeps a
    /// 300,000-case catalog's sample affordable while a project's few hundred cases still give millions of
    /// values, more than nnU-Net's fingerprint needs for stable 0.5/99.5 percentiles.
    /// </summary>
    public int SampleCap { get; init; } = 10_000;

    /// <summary>Mixed with a hash of the case id, so a case's sample does not depend on scan order.</summary>
    public int SampleSeed { get; init; } = 12345;
}
