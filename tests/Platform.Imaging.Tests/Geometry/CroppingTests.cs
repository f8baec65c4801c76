using Platform.Imaging.Geometry;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Geometry;

public sealed class CroppingTests
{
    [Fact]
    public void NonzeroBox_is_the_tight_box_of_nonzero_voxels()
    {
        var v = new Volume<short>(VolumeGeometry.Identity(new Shape3(10, 9, 8)));
        v[2, 3, 4] = 1;
        v[7, 5, 4] = -1;
        v[4, 4, 6] = 3;

        Assert.Equal(new Box3(2, 3, 4, 8, 6, 7), Cropping.NonzeroBox(v));
    }

    [Fact]
    public void NonzeroBox_of_an_empty_volume_is_null()
    {
        Assert.Null(Cropping.NonzeroBox(new Volume<float>(VolumeGeometry.Identity(new Shape3(3, 3, 3)))));
    }

    [Fact]
    public void Crop_keeps_each_voxel_at_its_world_position()
    {
        var v = TestVolumes.Ramp<int>(TestVolumes.Oblique(new Shape3(10, 9, 8)));
        var box = new Box3(2, 3, 1, 7, 9, 5);

        var c = Cropping.Crop(v, box);

        Assert.Equal(new Shape3(5, 6, 4), c.Shape);
        Assert.Equal(v[4, 5, 2], c[2, 2, 1]);
        Assert.True(v.Geometry.IndexToWorld(4, 5, 2).MaxAbsDifference(c.Geometry.IndexToWorld(2, 2, 1)) < 1e-9);
    }

    [Fact]
    public void Pad_fills_and_keeps_world_positions()
    {
        var v = TestVolumes.Ramp<int>(TestVolumes.Oblique(new Shape3(4, 3, 2)));

        var p = Cropping.Pad(v, new Shape3(1, 2, 0), new Shape3(3, 0, 1), -7);

        Assert.Equal(new Shape3(8, 5, 3), p.Shape);
        Assert.Equal(-7, p[0, 0, 0]);
        Assert.Equal(-7, p[7, 4, 2]);
        Assert.Equal(v[3, 2, 1], p[4, 4, 1]);
        Assert.True(v.Geometry.IndexToWorld(3, 2, 1).MaxAbsDifference(p.Geometry.IndexToWorld(4, 4, 1)) < 1e-9);
        Assert.Equal(v.Data.Length, p.Data.Count(x => x != -7) + v.Data.Count(x => x == -7));
    }

    [Fact]
    public void CropOrPad_crops_larger_axes_and_pads_smaller_ones_centred()
    {
        var v = TestVolumes.Ramp<int>(VolumeGeometry.Identity(new Shape3(8, 3, 5)));

        var r = Cropping.CropOrPad(v, new Shape3(5, 6, 5));

        // x: 8 → 5 removes 1 in front; y: 3 → 6 adds 1 in front; z unchanged.
        Assert.Equal(new Shape3(5, 6, 5), r.Shape);
        Assert.Equal(v[1, 0, 2], r[0, 1, 2]);
        Assert.Equal(0, r[0, 0, 2]);
        Assert.Equal(new Vector3D(1, -1, 0), r.Geometry.Origin);
    }

    [Fact]
    public void Crop_outside_the_volume_is_refused()
    {
        var v = new Volume<byte>(VolumeGeometry.Identity(new Shape3(3, 3, 3)));

        Assert.Throws<ArgumentException>(() => Cropping.Crop(v, new Box3(-1, 0, 0, 2, 2, 2)));
    }
}
