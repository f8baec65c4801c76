using Platform.Imaging.Geometry;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Geometry;

public sealed class OrientationTests
{
    [Fact]
    public void Identity_LPS_direction_has_code_LPS()
    {
        Assert.Equal("LPS", Orientation.CodeOf(Matrix3.Identity));
    }

    [Fact]
    public void RAS_grid_in_LPS_world_negates_x_and_y()
    {
        Assert.Equal("RAS", Orientation.CodeOf(Matrix3.Diagonal(new Vector3D(-1, -1, 1))));
    }

    [Fact]
    public void Permuted_axes_are_named_by_where_they_point()
    {
        // x voxel axis → world −z (inferior), y → world +x (left), z → world −y (anterior).
        var d = Matrix3.FromColumns(new Vector3D(0, 0, -1), new Vector3D(1, 0, 0), new Vector3D(0, -1, 0));

        Assert.Equal("ILA", Orientation.CodeOf(d));
    }

    [Fact]
    public void Oblique_axes_take_the_closest_world_axis()
    {
        var (s, c) = Math.SinCos(0.3);
        var d = Matrix3.FromColumns(new Vector3D(c, s, 0), new Vector3D(-s, c, 0), new Vector3D(0, 0, 1));

        Assert.Equal("LPS", Orientation.CodeOf(d));
    }

    [Theory]
    [InlineData("RRS")]
    [InlineData("RA")]
    [InlineData("XYZ")]
    public void Invalid_codes_are_rejected(string code)
    {
        Assert.Throws<ArgumentException>(() => Orientation.Normalize(code));
    }
}
