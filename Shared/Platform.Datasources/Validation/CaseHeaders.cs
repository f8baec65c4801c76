using Platform.Datasources.Layouts;
using Platform.Imaging.Volumes;

namespace Platform.Datasources.Validation;

/// <summary>
/// The outcome of the header-only pass over a case. When <see cref="Problems"/> is empty the headers
/// are all present and consistent, and <see cref="Geometry"/> is set.
/// </summary>
public sealed record CaseHeaders(
    CaseFiles Files,
    IReadOnlyList<VolumeHeader> Images,
    VolumeHeader? Label,
    CaseGeometry? Geometry,
    IReadOnlyList<DatasourceProblem> Problems)
{
    public bool IsValid => Problems.Count == 0 && Geometry is not null;

    /// <summary>
    /// Bytes a full read holds: voxels × bytes per voxel × channels for the images, plus the label map.
    /// Working buffers (a foreground mask and the foreground values) are smaller than the image in any
    /// real case and are left out; the budget is a bound on volumes, not on every allocation.
    /// </summary>
    public long EstimatedBytes =>
        Images.Sum(h => h.Shape.VoxelCount * VoxelTypes.SizeOf(h.LoadedType) * h.Channels)
        + (Label is null ? 0 : Label.Shape.VoxelCount * VoxelTypes.SizeOf(Label.LoadedType));
}
