namespace Platform.Grains.Abstractions.Splits;

/// <summary>
/// Where Asparagus will read an exported split: its <c>$ASPARAGUS_DATA</c> folder on the machine that trains (an absolute
/// path), the task whose samples the files list (default: the project's title when it is a task name such as
/// SEG005_Kidney), the split file's name (default <c>split_&lt;split name&gt;.json</c>), and whether samples are .pt
/// tensors (Asparagus' default) or .nii.gz.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Splits.AsparagusSplitExport")]
public sealed record AsparagusSplitExport(
    [property: Id(0)] string DataRoot,
    [property: Id(1)] string? TaskName = null,
    [property: Id(2)] string? SplitFileName = null,
    [property: Id(3)] bool SaveAsTensor = true);

/// <summary>The two files Asparagus reads for a split, each with the name it expects in the task folder.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Splits.AsparagusSplitFiles")]
public sealed record AsparagusSplitFiles(
    [property: Id(0)] string SplitFileName,
    [property: Id(1)] string SplitJson,
    [property: Id(2)] string TestFileName,
    [property: Id(3)] string TestJson);

/// <summary>
/// An Asparagus split file to save as a split: its name (for messages), its text, the TEST file's text when there is one,
/// and the re-split to import as a one-fold split (null: every re-split becomes a fold, which needs disjoint validation sets).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Splits.AsparagusSplitImport")]
public sealed record AsparagusSplitImport(
    [property: Id(0)] string SplitFileName,
    [property: Id(1)] string SplitJson,
    [property: Id(2)] string? TestJson = null,
    [property: Id(3)] int? Resplit = null);
