using Platform.Imaging.IO;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Tests.Cases;

namespace Platform.Preprocessing.Tests.Datasets;

/// <summary>
/// Small generated cases written as NIfTI files: a 24×20×10 RAS int16 image, nonzero in [2,22)×[2,18)×[1,9),
/// label 1 in [4,8)×[4,8)×[2,4) (32 voxels) and label 2 in [12,16)×[10,14)×[5,7) (32 voxels).
/// </summary>
internal static class DatasetTestCases
{
    public static readonly Shape3 Shape = new(24, 20, 10);

    public static VolumeGeometry Geometry(Vector3D? spacing = null) => CaseTestGrids.Ras(Shape, spacing ?? Vector3D.One);

    public static Volume<short> Image(VolumeGeometry geometry, short value = 100)
    {
        var image = new Volume<short>(geometry);
        CaseTestGrids.Fill(image, 2, 2, 1, 22, 18, 9, value);
        return image;
    }

    public static Volume<byte> Label(VolumeGeometry geometry)
    {
        var label = new Volume<byte>(geometry);
        CaseTestGrids.Fill(label, 4, 4, 2, 8, 8, 4, (byte)1);
        CaseTestGrids.Fill(label, 12, 10, 5, 16, 14, 7, (byte)2);
        return label;
    }

    /// <summary>Writes image and label of case <paramref name="id"/> into <paramref name="folder"/>.</summary>
    public static CaseSource Write(string folder, string id, short value = 100, VolumeGeometry? labelGeometry = null)
    {
        var geometry = Geometry();
        var image = Path.Combine(folder, id + "_0000.nii.gz");
        var label = Path.Combine(folder, id + ".nii.gz");
        ImageFile.Write(image, Image(geometry, value));
        ImageFile.Write(label, labelGeometry is null ? Label(geometry) : new Volume<byte>(labelGeometry));
        return new CaseSource(id, [image], label);
    }

    public static CasePreprocessingSettings Settings() => new()
    {
        TargetSpacing = Vector3D.One,
        Normalization = [ChannelNormalization.None],
        ForegroundCap = 10,
    };
}
