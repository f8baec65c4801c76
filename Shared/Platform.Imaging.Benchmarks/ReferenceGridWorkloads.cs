using System.Globalization;
using Platform.Imaging.Resampling;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Benchmarks;

/// <summary>
/// Reference-grid resampling figures: the CT onto a 1 mm grid rotated 10° about z (oblique, linear), and a
/// 1 mm label map back onto the CT's own grid (axis-aligned, nearest: what inference does at the end). scipy
/// gets the identical index mapping as an affine_transform matrix and offset.
/// </summary>
internal sealed class ReferenceGridWorkloads
{
    private readonly Volume<short> _ct;
    private readonly VolumeGeometry _oblique;
    private readonly Volume<byte> _labelsAt1mm;

    public ReferenceGridWorkloads(string work, Volume<short> ct, Volume<byte> labels)
    {
        _ct = ct;
        var (s, c) = Math.SinCos(10 * Math.PI / 180);
        var direction = Matrix3.FromColumns(new Vector3D(c, s, 0), new Vector3D(-s, c, 0), new Vector3D(0, 0, 1));
        var at1mm = ResampleGrid.ForSpacing(ct.Geometry, Vector3D.One);
        _oblique = new VolumeGeometry(at1mm.Shape, Vector3D.One, at1mm.Origin, direction);
        _labelsAt1mm = Resampler.ResampleLabels(labels, Vector3D.One);
        File.WriteAllBytes(Path.Combine(work, "labels1mm.u8"), _labelsAt1mm.Data);
    }

    public void Measure(Dictionary<string, double> ours, Func<Action, double> best)
    {
        ours["grid_oblique"] = _oblique.Shape.VoxelCount / best(() => GridResampler.Resample(_ct, _oblique, Interpolation.Linear));
        ours["grid_labels_back"] = _ct.Geometry.Shape.VoxelCount / best(() => GridResampler.ResampleLabels(_labelsAt1mm, _ct.Geometry));
    }

    /// <summary>Python lines (inside the benchmark script, where ct, ctf, np, ndimage and best exist).</summary>
    public string PythonScript()
    {
        var (m1, b1) = Mapping(_ct.Geometry, _oblique);
        var (m2, b2) = Mapping(_labelsAt1mm.Geometry, _ct.Geometry);
        var l = _labelsAt1mm.Shape;
        return string.Join("\n", [
            $"m1 = np.array({m1}); b1 = np.array({b1}); s1 = {Shape(_oblique.Shape)}",
            "out['grid_oblique'] = float(np.prod(s1)) / best(lambda: ndimage.affine_transform(ctf, m1, b1, s1, order=1, mode='constant'), 1)",
            $"lab = np.fromfile('labels1mm.u8', dtype='u1').reshape({Shape(l)}, order='F')",
            $"m2 = np.array({m2}); b2 = np.array({b2}); s2 = {Shape(_ct.Shape)}",
            "out['grid_labels_back'] = float(np.prod(s2)) / best(lambda: ndimage.affine_transform(lab, m2, b2, s2, order=0, mode='constant'), 1)",
        ]);
    }

    /// <summary>Target index → source index, as scipy's affine_transform wants it.</summary>
    private static (string Matrix, string Offset) Mapping(VolumeGeometry source, VolumeGeometry target)
    {
        var m = source.WorldToIndexMatrix * target.IndexToWorldMatrix;
        var b = source.WorldToIndexMatrix * (target.Origin - source.Origin);
        static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        return ($"[[{F(m.M00)}, {F(m.M01)}, {F(m.M02)}], [{F(m.M10)}, {F(m.M11)}, {F(m.M12)}], [{F(m.M20)}, {F(m.M21)}, {F(m.M22)}]]",
            $"[{F(b.X)}, {F(b.Y)}, {F(b.Z)}]");
    }

    private static string Shape(Shape3 s) => $"({s.X}, {s.Y}, {s.Z})";
}
