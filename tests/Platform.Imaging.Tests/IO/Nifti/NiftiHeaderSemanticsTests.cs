using Platform.Imaging.IO.Nifti;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.IO.Nifti;

/// <summary>Known-answer tests of how header fields become geometry and values (worked out by hand from nifti1.h).</summary>
public sealed class NiftiHeaderSemanticsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static NiftiHeader WithQform(NiftiHeader h)
    {
        // Rotation of 90° about z: a = cos 45°, d = sin 45°; pixdim 2, 3, 4 with qfac −1.
        h.QformCode = 1;
        h.QuaternD = Math.Sin(Math.PI / 4);
        h.PixDim = [-1, 2, 3, 4, 1, 1, 1, 1];
        h.QOffsetX = 10;
        h.QOffsetY = 20;
        h.QOffsetZ = 30;
        return h;
    }

    [Fact]
    public void Qform_only_gives_the_rotation_voxel_sizes_and_qfac_flip_in_LPS()
    {
        var path = _dir.File("q.nii");
        NiftiTestFiles.Write(path, WithQform(NiftiTestFiles.Header(2, 8, 5, 6, 7)), new byte[5 * 6 * 7]);

        var g = NiftiReader.ReadHeader(path).Geometry;

        // RAS linear part [[0,−3,0],[2,0,0],[0,0,−4]] becomes LPS [[0,3,0],[−2,0,0],[0,0,−4]].
        Assert.Equal(new Vector3D(2, 3, 4), Round(g.Spacing));
        Assert.Equal(new Vector3D(-10, -20, 30), Round(g.Origin));
        Assert.Equal(new Vector3D(0, -1, 0), Round(g.Direction.Column(0)));
        Assert.Equal(new Vector3D(1, 0, 0), Round(g.Direction.Column(1)));
        Assert.Equal(new Vector3D(0, 0, -1), Round(g.Direction.Column(2)));
    }

    [Fact]
    public void Sform_takes_precedence_over_qform_when_its_code_is_set()
    {
        var path = _dir.File("s.nii");
        var h = WithQform(NiftiTestFiles.Header(2, 8, 5, 6, 7));
        h.SformCode = 2;
        h.SrowX = [1.5, 0, 0, -7];
        h.SrowY = [0, 0, 2.5, 8];
        h.SrowZ = [0, -3.5, 0, 9];
        NiftiTestFiles.Write(path, h, new byte[5 * 6 * 7]);

        var g = NiftiReader.ReadHeader(path).Geometry;

        // RAS world of voxel (1, 1, 1) = (1.5 − 7, 2.5 + 8, −3.5 + 9); LPS negates x and y.
        Assert.Equal(new Vector3D(5.5, -10.5, 5.5), Round(g.IndexToWorld(1, 1, 1)));
        Assert.Equal(new Vector3D(1.5, 3.5, 2.5), Round(g.Spacing));
    }

    [Fact]
    public void Without_codes_the_fallback_centres_the_grid_with_x_flipped()
    {
        var path = _dir.File("base.nii");
        var h = NiftiTestFiles.Header(2, 8, 5, 6, 7);
        h.PixDim = [1, 2, 3, 4, 1, 1, 1, 1];
        NiftiTestFiles.Write(path, h, new byte[5 * 6 * 7]);

        var g = NiftiReader.ReadHeader(path).Geometry;

        // nibabel: RAS affine diag(−2, 3, 4) with translation (4, −7.5, −12); voxel (1,0,0) is at RAS (2, −7.5, −12).
        Assert.Equal(new Vector3D(-2, 7.5, -12), Round(g.IndexToWorld(1, 0, 0)));
    }

    [Fact]
    public void Scaling_turns_stored_integers_into_float_values()
    {
        var path = _dir.File("scaled.nii");
        var h = NiftiTestFiles.Header(4, 16, 3, 1, 1);
        h.SclSlope = 2;
        h.SclInter = -5;
        NiftiTestFiles.Write(path, h, new short[] { 0, 10, -3 });

        var v = Assert.IsType<Volume<float>>(NiftiReader.ReadVolume(path));

        Assert.Equal(new float[] { -5, 15, -11 }, v.Data);
        Assert.Equal(VoxelType.Float32, NiftiReader.ReadHeader(path).LoadedType);
    }

    [Fact]
    public void Zero_slope_means_no_scaling()
    {
        var path = _dir.File("unscaled.nii");
        var h = NiftiTestFiles.Header(4, 16, 3, 1, 1);
        h.SclSlope = 0;
        h.SclInter = 100;
        NiftiTestFiles.Write(path, h, new short[] { 0, 10, -3 });

        var v = Assert.IsType<Volume<short>>(NiftiReader.ReadVolume(path));

        Assert.Equal(new short[] { 0, 10, -3 }, v.Data);
    }

    [Fact]
    public void Big_endian_file_reads_the_same_values_and_geometry()
    {
        var path = _dir.File("be.nii");
        var h = WithQform(NiftiTestFiles.Header(4, 16, 3, 2, 1));
        h.SclSlope = 0.5;
        NiftiTestFiles.Write(path, h, new short[] { 1, -2, 300, 4, 5, -32768 });
        var little = NiftiReader.ReadVolume(path);
        NiftiTestFiles.ToBigEndian(path, 2);

        var big = Assert.IsType<Volume<float>>(NiftiReader.ReadVolume(path));

        Assert.False(NiftiReader.ReadRawHeader(path).LittleEndian);
        Assert.Equal(new float[] { 0.5f, -1, 150, 2, 2.5f, -16384 }, big.Data);
        Assert.Equal(little.Geometry, big.Geometry);
    }

    [Fact]
    public void Vox_offset_zero_means_data_right_after_the_extension_flag()
    {
        var path = _dir.File("offset0.nii");
        var h = NiftiTestFiles.Header(2, 8, 2, 1, 1);
        h.VoxOffset = 0;
        var bytes = NiftiHeaderCodec.Encode(h);
        File.WriteAllBytes(path, [.. bytes, 0, 0, 0, 0, 7, 9]);

        var v = Assert.IsType<Volume<byte>>(NiftiReader.ReadVolume(path));

        Assert.Equal(new byte[] { 7, 9 }, v.Data);
    }

    [Fact]
    public void Header_extensions_are_skipped()
    {
        var path = _dir.File("ext.nii.gz");
        var raw = _dir.File("ext.nii");
        var h = NiftiTestFiles.Header(2, 8, 2, 1, 1);
        h.VoxOffset = 368;
        var bytes = NiftiHeaderCodec.Encode(h);
        File.WriteAllBytes(raw, [.. bytes, 1, 0, 0, 0, .. new byte[16], 7, 9]);
        FileBytes.Gzip(raw, path);

        Assert.Equal(new byte[] { 7, 9 }, Assert.IsType<Volume<byte>>(NiftiReader.ReadVolume(path)).Data);
    }

    private static Vector3D Round(Vector3D v) => new(Math.Round(v.X, 5) + 0.0, Math.Round(v.Y, 5) + 0.0, Math.Round(v.Z, 5) + 0.0);
}
