namespace Platform.Preprocessing.Datasets;

/// <summary>
/// One case to preprocess, as absolute file paths the caller has already validated (they exist, are images).
/// All channels, the label and the imported label must share one voxel grid (checked, with the file named).
/// </summary>
/// <param name="CaseId">Unique within the request; used as the file name stem of the stored case.</param>
/// <param name="ChannelPaths">One image file per channel, in the plan's channel order.</param>
/// <param name="LabelPath">The label map, or null for an unlabelled case (not allowed in lbd mode without an imported map).</param>
/// <param name="ImportedLabelPath">An imported label map (e.g. a localiser's prediction) for lbd cropping/merging, or null.</param>
public sealed record CaseSource(string CaseId, IReadOnlyList<string> ChannelPaths, string? LabelPath = null, string? ImportedLabelPath = null);
