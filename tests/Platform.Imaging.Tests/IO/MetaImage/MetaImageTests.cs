using System.Text;
using Platform.Imaging.IO;
using Platform.Imaging.IO.MetaImage;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.IO.MetaImage;

public sealed class MetaImageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("a.mha", true)]
    [InlineData("b.mha", false)]
    [InlineData("c.mhd", true)]
    [InlineData("d.mhd", false)]
    public void Volumes_round_trip_with_geometry(string name, bool compress)
    {
        var path = _dir.File(name);
        var v = TestVolumes.Ramp<int>(TestVolumes.Oblique(new Shape3(6, 5, 4)));

        MetaImageWriter.Write(path, v, compress);
        var back = Assert.IsType<Volume<int>>(MetaImageReader.Read(path)[0]);

        Assert.Equal(v.Data, back.Data);
        TestVolumes.AssertGeometryEqual(v.Geometry, back.Geometry, 1e-12);
        Assert.Equal(v.Geometry, ImageFile.ReadHeader(path).Geometry);
    }

    [Fact]
    public void Channels_round_trip_interleaved()
    {
        var path = _dir.File("rgb.mha");
        var g = TestVolumes.Oblique(new Shape3(3, 4, 5));
        var channels = new IVolume[] { TestVolumes.Ramp<byte>(g), TestVolumes.Random<byte>(g, 1, 0, 255), TestVolumes.Random<byte>(g, 2, 0, 255) };

        MetaImageWriter.Write(path, new VolumeStack(channels));
        var stack = MetaImageReader.Read(path);

        Assert.Equal(3, stack.Count);
        for (var c = 0; c < 3; c++)
            Assert.Equal(((Volume<byte>)channels[c]).Data, ((Volume<byte>)stack[c]).Data);
    }

    [Fact]
    public void TransformMatrix_lists_the_direction_of_each_voxel_axis_in_turn()
    {
        var path = _dir.File("hand.mha");
        var header = "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = True\nCompressedData = False\n" +
                     "TransformMatrix = 0 1 0 -1 0 0 0 0 1\nOffset = 1 2 3\nElementSpacing = 2 3 4\nDimSize = 2 2 1\n" +
                     "ElementType = MET_SHORT\nElementDataFile = LOCAL\n";
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes(header), 0, 1, 0, 2, 0, 3, 1, 0]);

        var v = Assert.IsType<Volume<short>>(MetaImageReader.Read(path)[0]);

        Assert.Equal(new short[] { 1, 2, 3, 256 }, v.Data);
        // Axis 0 runs along world +y (2 mm), axis 1 along world −x (3 mm).
        Assert.Equal(new Vector3D(1, 4, 3), v.Geometry.IndexToWorld(1, 0, 0));
        Assert.Equal(new Vector3D(-2, 2, 3), v.Geometry.IndexToWorld(0, 1, 0));
    }

    [Fact]
    public void Bad_input_raises_typed_errors()
    {
        string Write(string text, params byte[] data)
        {
            var p = _dir.File("bad.mha");
            File.WriteAllBytes(p, [.. Encoding.ASCII.GetBytes(text), .. data]);
            return p;
        }

        Assert.Throws<BadMagicException>(() => MetaImageReader.Read(Write("\u0089PNG\r\n")));
        Assert.Throws<UnsupportedDataTypeException>(() => MetaImageReader.Read(Write("NDims = 3\nDimSize = 1 1 1\nElementType = MET_LONG_LONG\nElementDataFile = LOCAL\n", 1)));
        Assert.Throws<TruncatedFileException>(() => MetaImageReader.Read(Write("NDims = 3\nDimSize = 2 2 2\nElementType = MET_SHORT\nElementDataFile = LOCAL\n", 1, 2)));
        Assert.Throws<ImplausibleDimensionsException>(() => MetaImageReader.Read(Write("NDims = 3\nDimSize = 100000 100000 100000\nElementType = MET_SHORT\nElementDataFile = LOCAL\n", 1)));
        Assert.Throws<TruncatedFileException>(() => MetaImageReader.Read(Write("NDims = 3\nDimSize = 1 1 1\nElementType = MET_SHORT\nElementDataFile = missing.raw\n")));
        Assert.Throws<UnsupportedFeatureException>(() => MetaImageReader.Read(Write("NDims = 3\nDimSize = 1 1 1\nElementType = MET_SHORT\nElementDataFile = LIST\n")));
    }

    [Fact]
    public void Mutated_files_only_raise_typed_errors()
    {
        var g = TestVolumes.Oblique(new Shape3(7, 6, 5));
        var seeds = new[] { _dir.File("s1.mha"), _dir.File("s2.mha") };
        MetaImageWriter.Write(seeds[0], TestVolumes.Ramp<short>(g), compress: true);
        MetaImageWriter.Write(seeds[1], new VolumeStack([TestVolumes.Ramp<float>(g), TestVolumes.Ramp<float>(g)]), compress: false);
        var options = new ReadOptions { NonFinite = NonFinitePolicy.Keep };

        ReaderFuzzer.Run(_dir.Path, seeds, path =>
        {
            MetaImageReader.ReadHeader(path, options);
            MetaImageReader.Read(path, options);
        }, cases: 1500, seed: 78, headerBytes: 400);
    }
}
