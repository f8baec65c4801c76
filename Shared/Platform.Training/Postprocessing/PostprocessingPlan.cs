using Platform.Imaging.Labels;

namespace Platform.Training.Postprocessing;

/// <summary>
/// Connected-component rules for one label (FRAN's <c>k_largest</c> and <c>dusting_threshold</c>): keep its
/// <see cref="KeepLargest"/> largest components, then remove its components smaller than <see cref="MinimumVoxels"/>.
/// Removed voxels become background.
/// </summary>
public sealed record LabelPostprocessing(int Label, int? KeepLargest = null, long? MinimumVoxels = null);

/// <summary>
/// Postprocessing of a predicted label map, applied in native space: first, when
/// <see cref="KeepLargestForeground"/>, only the largest component of all foreground labels taken together
/// survives (nnU-Net's first candidate); then each label's own rules, in list order.
/// Serialises as plain JSON (System.Text.Json, no converters needed).
/// </summary>
public sealed record PostprocessingPlan
{
    public static PostprocessingPlan None { get; } = new();

    public bool KeepLargestForeground { get; init; }

    public IReadOnlyList<LabelPostprocessing> Labels { get; init; } = [];

    /// <summary>Six (face) neighbours by default, as scipy.ndimage.label's default that nnU-Net uses.</summary>
    public Connectivity Connectivity { get; init; } = Connectivity.Six;

    public bool IsEmpty => !KeepLargestForeground && Labels.All(l => l.KeepLargest is null && l.MinimumVoxels is null);

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Labels, nameof(Labels));
        foreach (var rule in Labels)
        {
            if (rule.Label is < 1 or > byte.MaxValue)
                throw new ArgumentException($"Postprocessing rule for label {rule.Label}: labels are 1..255 (0 is background).", nameof(Labels));
            if (rule.KeepLargest is < 1)
                throw new ArgumentException($"Postprocessing rule for label {rule.Label}: keep-largest count {rule.KeepLargest} must be at least 1.", nameof(Labels));
            if (rule.MinimumVoxels is < 1)
                throw new ArgumentException($"Postprocessing rule for label {rule.Label}: minimum component size {rule.MinimumVoxels} must be at least 1 voxel.", nameof(Labels));
        }
    }
}
