using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Volumes;

public sealed class VolumeTests
{
    [Fact]
    public void Indexer_is_x_fastest()
    {
        var v = new Volume<short>(VolumeGeometry.Identity(new Shape3(3, 4, 5)));

        v[2, 1, 3] = 42;

        Assert.Equal(42, v.Data[2 + (3 * (1 + (4 * 3)))]);
    }

    [Fact]
    public void ConvertTo_saturates_and_truncates()
    {
        var v = new Volume<float>(VolumeGeometry.Identity(new Shape3(4, 1, 1)), [300.7f, -5.9f, 12.9f, float.NaN]);

        var bytes = v.ConvertTo<byte>();

        Assert.Equal(new byte[] { 255, 0, 12, 0 }, bytes.Data);
    }

    [Fact]
    public void Constructor_rejects_data_of_wrong_length()
    {
        Assert.Throws<ArgumentException>(() => new Volume<int>(VolumeGeometry.Identity(new Shape3(2, 2, 2)), new int[7]));
    }

    [Fact]
    public void Stack_rejects_channels_with_different_geometry()
    {
        var a = new Volume<int>(VolumeGeometry.Identity(new Shape3(2, 2, 2)));
        var b = new Volume<int>(VolumeGeometry.Identity(new Shape3(2, 2, 3)));

        Assert.Throws<ArgumentException>(() => new VolumeStack([a, b]));
    }
}
