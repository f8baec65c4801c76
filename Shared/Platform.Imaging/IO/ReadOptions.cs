using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO;

/// <summary>How readers treat the parts of a file that need a decision.</summary>
public sealed record ReadOptions
{
    public static ReadOptions Default { get; } = new();

    /// <summary>NaN/Inf handling; rejecting is the default because a NaN silently poisons statistics and losses.</summary>
    public NonFinitePolicy NonFinite { get; init; } = NonFinitePolicy.Reject;

    /// <summary>Dimensions beyond the third become channels (true) or are refused (false). Never dropped.</summary>
    public bool ExtraDimensionsAsChannels { get; init; } = true;

    /// <summary>The type scaled data (slope ≠ 1 or intercept ≠ 0) is returned in: Float32 or Float64.</summary>
    public VoxelType ScaledType { get; init; } = VoxelType.Float32;

    /// <summary>
    /// Upper bound on voxels × channels. Checked against the header before anything is allocated, so a
    /// corrupt header cannot make us reserve gigabytes. Defaults to the largest .NET array of bytes.
    /// </summary>
    public long MaxElements { get; init; } = Array.MaxLength;
}
