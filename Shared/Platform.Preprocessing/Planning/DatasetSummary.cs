using Platform.Imaging.Volumes;
using Platform.Preprocessing.Fingerprint;

namespace Platform.Preprocessing.Planning;

/// <summary>
/// The few fingerprint numbers auto-configuration needs, so a grain can call it from its stored
/// fingerprint without rebuilding the whole document.
/// </summary>
/// <param name="MedianSpacing">Median spacing per axis (mm).</param>
/// <param name="Spacing10thPercentile">10th percentile of spacing per axis (mm), for the anisotropy rule.</param>
/// <param name="MedianShape">Median size in voxels per axis, at each case's own spacing.</param>
/// <param name="MedianExtent">Median physical size per axis (mm); divided by the target spacing it gives the median shape at target spacing.</param>
/// <param name="CaseCount">Training cases.</param>
/// <param name="Classes">Output classes, background included (nnU-Net counts the network's segmentation outputs in its memory estimate).</param>
public sealed record DatasetSummary(
    Vector3D MedianSpacing,
    Vector3D Spacing10thPercentile,
    Vector3D MedianShape,
    Vector3D MedianExtent,
    int CaseCount,
    int Classes = 2)
{
    public static DatasetSummary From(ProjectFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return new DatasetSummary(
            fingerprint.Spacing.Median,
            fingerprint.Spacing.Percentile10,
            fingerprint.Shape.Median,
            fingerprint.Extent.Median,
            fingerprint.CaseCount,
            Math.Max(2, fingerprint.Labels.Select(l => l.Label).Append(0).Distinct().Count()));
    }
}
