using Platform.Grains.Abstractions.Splits;

namespace Platform.WebUI.Components.Splits;

/// <summary>
/// A split file chosen for import: its format and its text; for Asparagus also the TEST file chosen with it and the
/// re-split to import (null: every re-split as a fold).
/// </summary>
public sealed record SplitFileUpload(SplitFileFormat Format, string FileName, string Content, string? TestContent = null, int? Resplit = null);

/// <summary>An export asked for: the format, and for Asparagus its data folder where it trains and the task name (null: the project's title).</summary>
public sealed record SplitFileExport(SplitFileFormat Format, string? AsparagusDataRoot = null, string? AsparagusTask = null);
