using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;

namespace Platform.Preprocessing.Tests.Cases;

/// <summary>RAS grids (no reorientation happens) for known-answer tests of single steps.</summary>
internal static class CaseTestGrids
{
    public static VolumeGeometry Ras(Shape3 shape, Vector3D spacing) =>
        new(shape, spacing, Vector3D.Zero, Matrix3.Diagonal(new Vector3D(-1, -1, 1)));

    public static Volume<float> Filled(VolumeGeometry geometry, float value)
    {
        var volume = new Volume<float>(geometry);
        volume.Data.AsSpan().Fill(value);
        return volume;
    }

    public static void Fill<T>(Volume<T> volume, int x0, int y0, int z0, int x1, int y1, int z1, T value)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        for (var z = z0; z < z1; z++)
            for (var y = y0; y < y1; y++)
                for (var x = x0; x < x1; x++)
                    volume.Data[volume.IndexOf(x, y, z)] = value;
    }

    public static CasePreprocessingSettings Settings(Vector3D spacing, params ChannelNormalization[] normalization) => new()
    {
        TargetSpacing = spacing,
        Normalization = normalization.Length == 0 ? [ChannelNormalization.None] : normalization,
    };
}
