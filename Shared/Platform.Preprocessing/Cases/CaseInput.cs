using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Cases;

/// <summary>
/// The volumes of one case as loaded, in any voxel type: channels, the label map and an imported label map
/// (e.g. a localiser's prediction), all on one grid.
/// </summary>
public sealed record CaseInput(IReadOnlyList<IVolume> Channels, IVolume? Label = null, IVolume? ImportedLabel = null);
