namespace Platform.WebUI.Components.Viewer;

/// <summary>A named window/level: intensities from <c>Center - Width/2</c> (black) to <c>Center + Width/2</c> (white).</summary>
public sealed record WindowPreset(string Key, string Name, double Width, double Center);

/// <summary>The usual CT windows (Hounsfield units), plus the image's own automatic window and whatever the sliders set.</summary>
public static class WindowPresets
{
    public const string Auto = "auto";
    public const string Custom = "custom";

    public static IReadOnlyList<WindowPreset> Ct { get; } =
    [
        new("soft-tissue", "Soft tissue (400/40)", 400, 40),
        new("bone", "Bone (1800/400)", 1800, 400),
        new("lung", "Lung (1500/-600)", 1500, -600),
    ];

    public static WindowPreset? Find(string key) => Ct.FirstOrDefault(p => p.Key == key);

    /// <summary>
    /// The window an image opens in: a CT's soft-tissue window (Hounsfield units mean the same in every CT, and a
    /// percentile window over air and bone washes soft tissue out); null for other modalities, which open in the
    /// image's own percentile window (<see cref="Auto"/>).
    /// </summary>
    public static WindowPreset? DefaultFor(string? modality) =>
        string.Equals(modality, "CT", StringComparison.OrdinalIgnoreCase) ? Find("soft-tissue") : null;
}
