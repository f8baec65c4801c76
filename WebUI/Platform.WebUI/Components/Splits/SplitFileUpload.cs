using Platform.Grains.Abstractions.Splits;

namespace Platform.WebUI.Components.Splits;

/// <summary>A split file chosen for import: its format and its text.</summary>
public sealed record SplitFileUpload(SplitFileFormat Format, string FileName, string Content);
