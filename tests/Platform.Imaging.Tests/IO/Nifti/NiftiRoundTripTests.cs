using System.Numerics;
using Platform.Imaging.IO.Nifti;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.IO.Nifti;

public sealed class NiftiRoundTripTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, int> Files => new()
    {
        { "a.nii", 1 }, { "a.nii.gz", 1 }, { "a.nii", 2 }, { "a.nii.gz", 2 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_voxel_type_round_trips_with_geometry(string name, int version)
    {
        AssertRoundTrip<byte>(name, version);
        AssertRoundTrip<sbyte>(name, version);
        AssertRoundTrip<short>(name, version);
        AssertRoundTrip<ushort>(name, version);
        AssertRoundTrip<int>(name, version);
        AssertRoundTrip<float>(name, version);
        AssertRoundTrip<double>(name, version);
    }

    private void AssertRoundTrip<T>(string name, int version) where T : unmanaged, INumber<T>
    {
        var path = _dir.File(typeof(T).Name + name);
        var original = TestVolumes.Ramp<T>(TestVolumes.Oblique(new Shape3(7, 5, 3)));

        NiftiWriter.Write(path, original, new NiftiWriteOptions { Version = version });
        var read = NiftiReader.ReadVolume(path);

        var typed = Assert.IsType<Volume<T>>(read);
        Assert.Equal(original.Data, typed.Data);
        // The file stores float32 (NIfTI-1) affines, so geometry agrees to float precision.
        TestVolumes.AssertGeometryEqual(original.Geometry, typed.Geometry, version == 1 ? 2e-5 : 1e-12);
    }

    [Fact]
    public void Channels_round_trip_as_the_fourth_dimension()
    {
        var path = _dir.File("multi.nii.gz");
        var g = TestVolumes.Oblique(new Shape3(4, 3, 2));
        var a = TestVolumes.Ramp<float>(g);
        var b = TestVolumes.Random<float>(g, 7, -1, 1);

        NiftiWriter.Write(path, new VolumeStack([a, b]));
        var stack = NiftiReader.Read(path);
        var header = NiftiReader.ReadHeader(path);

        Assert.Equal(2, stack.Count);
        Assert.Equal(a.Data, ((Volume<float>)stack[0]).Data);
        Assert.Equal(b.Data, ((Volume<float>)stack[1]).Data);
        Assert.Equal(2, header.Channels);
        Assert.Equal(4, NiftiReader.ReadRawHeader(path).Dim[0]);
    }

    [Fact]
    public void Written_header_has_both_transforms_and_millimetre_units()
    {
        var path = _dir.File("codes.nii");
        NiftiWriter.Write(path, TestVolumes.Ramp<short>(TestVolumes.Oblique(new Shape3(2, 2, 2))));

        var h = NiftiReader.ReadRawHeader(path);

        Assert.Equal(1, h.QformCode);
        Assert.Equal(1, h.SformCode);
        Assert.Equal(2, h.SpatialUnit);
        Assert.Equal(352, h.VoxOffset);
    }

    [Fact]
    public void Qform_written_for_an_oblique_grid_reproduces_the_sform()
    {
        var path = _dir.File("qform.nii");
        var original = TestVolumes.Ramp<short>(TestVolumes.Oblique(new Shape3(3, 4, 5)));
        NiftiWriter.Write(path, original);
        var h = NiftiReader.ReadRawHeader(path);

        var q = NiftiAffine.Qform(h);
        var s = NiftiAffine.Sform(h);

        Assert.True(q.Linear.MaxAbsDifference(s.Linear) < 1e-5, "the quaternion does not reproduce the rotation");
        Assert.True(q.Translation.MaxAbsDifference(s.Translation) < 1e-4);
    }

    [Fact]
    public void Large_dimension_switches_to_nifti2_automatically()
    {
        var path = _dir.File("wide.nii.gz");
        NiftiWriter.Write(path, new Volume<byte>(VolumeGeometry.Identity(new Shape3(40000, 1, 1))));

        var header = NiftiReader.ReadHeader(path);

        Assert.Equal(ImageFormat.Nifti2, header.Format);
        Assert.Equal(40000, header.Shape.X);
    }
}
