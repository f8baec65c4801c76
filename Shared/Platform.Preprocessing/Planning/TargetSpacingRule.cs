using System.Globalization;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Planning;

/// <summary>
/// nnU-Net's target spacing: the median spacing per axis; but if the coarsest axis is more than
/// 3× every other axis (nnU-Net v2 compares with the coarsest other axis) and has 3× fewer voxels than every other
/// axis (median shapes), its 10th percentile spacing is used instead, so the many thin-slice cases are not blurred to
/// the typical thick-slice resolution. The 10th percentile is never allowed below the coarsest other axis (the
/// out-of-plane axis must not become the finest one); nnU-Net then adds 1e-5 mm so that axis stays the coarsest for
/// its transpose, which the platform does not do (it does not transpose).
/// </summary>
public static class TargetSpacingRule
{
    private const double AnisotropyRatio = 3;

    public static (Vector3D Spacing, string Note) Choose(DatasetSummary data)
    {
        var median = new[] { data.MedianSpacing.X, data.MedianSpacing.Y, data.MedianSpacing.Z };
        var coarsest = 0;
        for (var a = 1; a < 3; a++)
        {
            if (median[a] > median[coarsest])
                coarsest = a;
        }
        var others = Enumerable.Range(0, 3).Where(a => a != coarsest).ToArray();
        var coarsestOther = others.Max(a => median[a]);
        var fewestOtherVoxels = others.Min(a => data.MedianShape[a]);

        var anisotropicSpacing = median[coarsest] > AnisotropyRatio * coarsestOther;
        var fewerVoxels = data.MedianShape[coarsest] * AnisotropyRatio < fewestOtherVoxels;
        var medianNote = F($"target spacing = median spacing {data.MedianSpacing} mm");
        if (!anisotropicSpacing || !fewerVoxels)
        {
            var why = anisotropicSpacing
                ? F($"; {Axis(coarsest)} spacing is {median[coarsest] / coarsestOther:0.#}× every other axis but its median size {data.MedianShape[coarsest]:0.#} voxels is not 3× fewer than {fewestOtherVoxels:0.#}, so the median stays")
                : "";
            return (data.MedianSpacing, medianNote + why);
        }

        var p10 = data.Spacing10thPercentile[coarsest];
        var chosen = Math.Max(p10, coarsestOther);
        median[coarsest] = chosen;
        var note = F($"{Axis(coarsest)} spacing {data.MedianSpacing[coarsest]:0.###} mm is {data.MedianSpacing[coarsest] / coarsestOther:0.#}× every other axis (up to {coarsestOther:0.###} mm) and has 3× fewer voxels ({data.MedianShape[coarsest]:0.#} vs {fewestOtherVoxels:0.#}): using its 10th percentile {p10:0.###} mm");
        if (chosen > p10)
            note += F($", raised to {chosen:0.###} mm so it is not finer than the other axes");
        return (Vector3D.Create(median), note + F($"; target spacing {Vector3D.Create(median)} mm"));
    }

    internal static string Axis(int axis) => axis switch { 0 => "x", 1 => "y", _ => "z" };

    internal static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
