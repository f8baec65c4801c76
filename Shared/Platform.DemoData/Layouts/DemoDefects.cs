namespace Platform.DemoData.Layouts;

/// <summary>Deliberately broken cases a demo dataset can include, so users see what validation reports.</summary>
[Flags]
public enum DemoDefects
{
    None = 0,

    /// <summary>A label map whose spacing differs from its image's.</summary>
    LabelGridMismatch = 1,

    /// <summary>An image file cut in half: the header reads, the voxels do not.</summary>
    TruncatedImage = 2,

    /// <summary>An image without a label map.</summary>
    MissingLabel = 4,

    /// <summary>A label map with no foreground at all.</summary>
    EmptyLabel = 8,

    All = LabelGridMismatch | TruncatedImage | MissingLabel | EmptyLabel,
}
