using Platform.Imaging.IO;
using Platform.Imaging.IO.Nifti;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.IO.Nifti;

public sealed class NiftiBadInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Valid(string name, int x = 8, int y = 8, int z = 8)
    {
        var path = _dir.File(name);
        NiftiWriter.Write(path, TestVolumes.Ramp<short>(VolumeGeometry.Identity(new Shape3(x, y, z))));
        return path;
    }

    [Fact]
    public void Truncated_voxels_raise_TruncatedFileException_naming_the_file()
    {
        var path = Valid("cut.nii");
        FileBytes.Truncate(path, 352 + 100);

        var e = Assert.Throws<TruncatedFileException>(() => NiftiReader.Read(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Throws<TruncatedFileException>(() => NiftiReader.ReadHeader(path));
    }

    [Fact]
    public void Truncated_gzip_raises_a_typed_exception()
    {
        var raw = Valid("cut.nii");
        var path = _dir.File("cut.nii.gz");
        FileBytes.Gzip(raw, path);
        FileBytes.Truncate(path, new FileInfo(path).Length / 2);

        var e = Assert.ThrowsAny<ImageFormatException>(() => NiftiReader.Read(path));

        Assert.True(e is TruncatedFileException or CorruptCompressedDataException, e.GetType().Name);
    }

    [Fact]
    public void Truncated_header_raises_TruncatedFileException()
    {
        var path = Valid("short.nii");
        FileBytes.Truncate(path, 200);

        Assert.Throws<TruncatedFileException>(() => NiftiReader.ReadHeader(path));
    }

    [Fact]
    public void Wrong_sizeof_hdr_or_magic_raise_BadMagicException()
    {
        var path = Valid("magic.nii");
        FileBytes.Patch(path, b => b[345] = (byte)'x');
        Assert.Throws<BadMagicException>(() => NiftiReader.Read(path));

        FileBytes.PatchInt32(path, 0, 1234);
        var e = Assert.Throws<BadMagicException>(() => NiftiReader.ReadHeader(path));
        Assert.Contains("1234", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Pair_header_magic_is_refused_with_a_clear_reason()
    {
        var path = Valid("pair.nii");
        FileBytes.Patch(path, b => b[345] = (byte)'i');

        var e = Assert.Throws<BadMagicException>(() => NiftiReader.Read(path));

        Assert.Contains(".hdr/.img", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1024, "int64")]
    [InlineData(32, "complex64")]
    [InlineData(128, "RGB24")]
    [InlineData(999, "unknown")]
    public void Unsupported_datatypes_are_named(short code, string name)
    {
        var path = Valid("type.nii");
        FileBytes.PatchInt16(path, 70, code);

        var e = Assert.Throws<UnsupportedDataTypeException>(() => NiftiReader.Read(path));

        Assert.Contains(name, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurd_dimensions_are_refused_before_allocating()
    {
        var path = Valid("huge.nii");
        FileBytes.PatchInt16(path, 42, 30000);
        FileBytes.PatchInt16(path, 44, 30000);
        FileBytes.PatchInt16(path, 46, 30000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.Throws<ImplausibleDimensionsException>(() => NiftiReader.Read(path));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "the reader allocated before checking the dimensions");
    }

    [Fact]
    public void Dimensions_larger_than_the_data_are_refused_before_allocating()
    {
        var path = Valid("more.nii");
        FileBytes.PatchInt16(path, 46, 2000); // z from 8 to 2000: 256 kB of voxels declared, 1 kB present
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.Throws<TruncatedFileException>(() => NiftiReader.Read(path));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 200_000, "the reader allocated the declared voxels");
    }

    [Fact]
    public void Compressed_file_declaring_more_than_deflate_can_expand_is_refused()
    {
        var raw = Valid("bomb.nii");
        FileBytes.PatchInt16(raw, 42, 3000);
        FileBytes.PatchInt16(raw, 44, 3000);
        FileBytes.PatchInt16(raw, 46, 100);
        var path = _dir.File("bomb.nii.gz");
        FileBytes.Gzip(raw, path);

        Assert.Throws<TruncatedFileException>(() => NiftiReader.Read(path));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(-1)]
    public void Dim0_outside_1_to_7_is_implausible(short dim0)
    {
        var path = Valid("dim0.nii");
        FileBytes.PatchInt16(path, 40, dim0);

        Assert.Throws<ImplausibleDimensionsException>(() => NiftiReader.ReadHeader(path));
    }

    [Fact]
    public void Zero_voxel_size_without_sform_is_implausible()
    {
        var path = Valid("pixdim.nii");
        FileBytes.PatchInt16(path, 254, 0);
        FileBytes.PatchSingle(path, 80, 0);

        Assert.Throws<ImplausibleDimensionsException>(() => NiftiReader.ReadHeader(path));
    }

    [Fact]
    public void Four_dimensional_file_is_refused_when_one_volume_is_asked_for()
    {
        var path = _dir.File("4d.nii");
        var g = VolumeGeometry.Identity(new Shape3(2, 2, 2));
        NiftiWriter.Write(path, new VolumeStack([new Volume<byte>(g), new Volume<byte>(g), new Volume<byte>(g)]));

        var e = Assert.Throws<UnsupportedDimensionalityException>(() => NiftiReader.ReadVolume(path));

        Assert.Contains("3 volumes", e.Problem, StringComparison.Ordinal);
        Assert.Equal(3, NiftiReader.Read(path).Count);
    }

    [Fact]
    public void NaN_voxels_follow_the_policy()
    {
        var path = _dir.File("nan.nii.gz");
        var v = new Volume<float>(VolumeGeometry.Identity(new Shape3(3, 2, 1)), [1, 2, float.NaN, 4, float.PositiveInfinity, 6]);
        NiftiWriter.Write(path, v);

        var e = Assert.Throws<NonFiniteVoxelException>(() => NiftiReader.Read(path));
        Assert.Contains("(2, 0, 0)", e.Problem, StringComparison.Ordinal);

        var replaced = (Volume<float>)NiftiReader.ReadVolume(path, new ReadOptions { NonFinite = NonFinitePolicy.ReplaceWith(-1) });
        Assert.Equal(new float[] { 1, 2, -1, 4, -1, 6 }, replaced.Data);

        var kept = (Volume<float>)NiftiReader.ReadVolume(path, new ReadOptions { NonFinite = NonFinitePolicy.Keep });
        Assert.True(float.IsNaN(kept.Data[2]));
    }

    [Fact]
    public void Corrupt_gzip_raises_CorruptCompressedDataException()
    {
        var raw = Valid("corrupt.nii", 32, 32, 32);
        var path = _dir.File("corrupt.nii.gz");
        FileBytes.Gzip(raw, path);
        FileBytes.Patch(path, b =>
        {
            for (var i = 200; i < 260 && i < b.Length; i++)
                b[i] ^= 0x5a;
        });

        var e = Assert.ThrowsAny<ImageFormatException>(() => NiftiReader.Read(path));

        Assert.True(e is CorruptCompressedDataException or TruncatedFileException, e.GetType().Name);
    }
}
