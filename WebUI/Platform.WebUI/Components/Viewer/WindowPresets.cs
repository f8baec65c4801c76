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
}
