using Platform.Imaging.Volumes;

namespace Platform.DemoData.Phantoms;

/// <summary>
/// Voxel grid orientations the generator uses, as scanners and converters write them: the ITK/DICOM default
/// (LPS), NIfTI's usual RAS, a feet-first stack, swapped in-plane axes, and an oblique (tilted) acquisition.
/// </summary>
public enum PhantomOrientation { Lps, Ras, FeetFirst, SwappedInPlane, Oblique }

public static class PhantomOrientations
{
    public static readonly PhantomOrientation[] All = Enum.GetValues<PhantomOrientation>();

    /// <summary>The orientation a generated case gets: cycled by seed when <paramref name="vary"/>, otherwise LPS.</summary>
    public static PhantomOrientation ForSeed(int seed, bool vary) => vary ? All[Math.Abs(seed % All.Length)] : PhantomOrientation.Lps;

    /// <summary>The direction matrix (columns: world directions of the voxel axes, LPS world).</summary>
    public static Matrix3 Direction(PhantomOrientation orientation) => orientation switch
    {
        PhantomOrientation.Lps => Matrix3.Identity,
        PhantomOrientation.Ras => Matrix3.Diagonal(new Vector3D(-1, -1, 1)),
        PhantomOrientation.FeetFirst => Matrix3.Diagonal(new Vector3D(1, -1, -1)),
        PhantomOrientation.SwappedInPlane => Matrix3.FromColumns(new Vector3D(0, 1, 0), new Vector3D(1, 0, 0), new Vector3D(0, 0, -1)),
        PhantomOrientation.Oblique => Rotations.AboutZ(12),
        _ => throw new ArgumentOutOfRangeException(nameof(orientation), orientation, "Unknown orientation."),
    };
}
