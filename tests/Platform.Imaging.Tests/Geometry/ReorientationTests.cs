using Platform.Imaging.Geometry;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Geometry;

public sealed class ReorientationTests
{
    private static Volume<int> Labelled(VolumeGeometry g)
    {
        // Each voxel's value encodes its own index, so we can find where it went.
        var v = new Volume<int>(g);
        for (var z = 0; z < g.Shape.Z; z++)
            for (var y = 0; y < g.Shape.Y; y++)
                for (var x = 0; x < g.Shape.X; x++)
                    v[x, y, z] = (x * 10000) + (y * 100) + z;
        return v;
    }

    [Theory]
    [InlineData("RAS")]
    [InlineData("LPS")]
    [InlineData("SAL")]
    [InlineData("IRP")]
    [InlineData("ASR")]
    public void Every_voxel_keeps_its_value_at_the_same_world_position(string target)
    {
        var original = Labelled(TestVolumes.Oblique(new Shape3(5, 4, 3)));

        var result = Reorientation.To(original, target);

        Assert.Equal(target, Orientation.CodeOf(result.Geometry));
        var s = result.Shape;
        for (var z = 0; z < s.Z; z++)
            for (var y = 0; y < s.Y; y++)
                for (var x = 0; x < s.X; x++)
                {
                    var code = result[x, y, z];
                    var (ox, oy, oz) = (code / 10000, code / 100 % 100, code % 100);
                    var before = original.Geometry.IndexToWorld(ox, oy, oz);
                    var after = result.Geometry.IndexToWorld(x, y, z);
                    Assert.True(before.MaxAbsDifference(after) < 1e-9, $"voxel ({ox},{oy},{oz}) moved from {before} to {after}");
                }
    }

    [Fact]
    public void Reorienting_back_restores_voxels_and_geometry()
    {
        var original = Labelled(TestVolumes.Oblique(new Shape3(5, 4, 3)));
        var code = Orientation.CodeOf(original.Geometry);

        var back = Reorientation.To(Reorientation.To(original, "IRA"), code);

        Assert.Equal(original.Data, back.Data);
        TestVolumes.AssertGeometryEqual(original.Geometry, back.Geometry, 1e-12);
    }

    [Fact]
    public void LPS_to_RAS_flips_x_and_y_and_moves_the_origin_to_the_far_corner()
    {
        var g = new VolumeGeometry(new Shape3(3, 2, 1), new Vector3D(2, 3, 4), new Vector3D(1, 1, 1), Matrix3.Identity);
        var v = new Volume<int>(g, [1, 2, 3, 4, 5, 6]);

        var r = Reorientation.To(v, "RAS");

        Assert.Equal(new[] { 6, 5, 4, 3, 2, 1 }, r.Data);
        Assert.Equal(new Vector3D(1 + 4, 1 + 3, 1), r.Geometry.Origin);
    }
}
