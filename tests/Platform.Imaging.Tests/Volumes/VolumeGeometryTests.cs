using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Volumes;

public sealed class VolumeGeometryTests
{
    [Fact]
    public void IndexToWorld_axis_aligned_grid_is_origin_plus_index_times_spacing()
    {
        var g = new VolumeGeometry(new Shape3(4, 5, 6), new Vector3D(0.5, 2, 3), new Vector3D(10, 20, 30), Matrix3.Identity);

        Assert.Equal(new Vector3D(11, 26, 42), g.IndexToWorld(2, 3, 4));
    }

    [Fact]
    public void IndexToWorld_follows_direction_columns()
    {
        // x axis points to -y (anterior in LPS), y axis to +x, z unchanged.
        var direction = Matrix3.FromColumns(new Vector3D(0, -1, 0), new Vector3D(1, 0, 0), new Vector3D(0, 0, 1));
        var g = new VolumeGeometry(new Shape3(4, 5, 6), new Vector3D(2, 3, 4), new Vector3D(1, 1, 1), direction);

        Assert.Equal(new Vector3D(1 + 3, 1 - 2, 1 + 4), g.IndexToWorld(1, 1, 1));
    }

    [Fact]
    public void WorldToIndex_inverts_IndexToWorld_on_an_oblique_grid()
    {
        var g = TestVolumes.Oblique(new Shape3(10, 11, 12));
        var index = new Vector3D(3.25, -1.5, 7.75);

        var back = g.WorldToIndex(g.IndexToWorld(index));

        Assert.True(back.MaxAbsDifference(index) < 1e-12, back.ToString());
    }

    [Fact]
    public void Constructor_rejects_zero_spacing_and_singular_direction()
    {
        Assert.Throws<ArgumentException>(() => new VolumeGeometry(new Shape3(1, 1, 1), new Vector3D(1, 0, 1), Vector3D.Zero, Matrix3.Identity));
        var singular = Matrix3.FromColumns(new Vector3D(1, 0, 0), new Vector3D(1, 0, 0), new Vector3D(0, 0, 1));
        Assert.Throws<ArgumentException>(() => new VolumeGeometry(new Shape3(1, 1, 1), Vector3D.One, Vector3D.Zero, singular));
    }

    [Fact]
    public void IsSameSpace_accepts_differences_below_tolerance_only()
    {
        var g = TestVolumes.Oblique(new Shape3(3, 3, 3));

        Assert.True(g.IsSameSpace(g.WithOrigin(g.Origin + new Vector3D(5e-5, 0, 0))));
        Assert.False(g.IsSameSpace(g.WithOrigin(g.Origin + new Vector3D(5e-4, 0, 0))));
    }

    [Fact]
    public void Matrix_inverse_times_matrix_is_identity()
    {
        var m = new Matrix3(2, 1, 0.5, -1, 3, 0.25, 0.1, 0.2, 4);

        Assert.True((m * m.Inverse()).MaxAbsDifference(Matrix3.Identity) < 1e-12);
    }
}
