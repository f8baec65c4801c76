using System.Text;
using Platform.Imaging.IO;
using Platform.Imaging.IO.Nrrd;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.IO.Nrrd;

public sealed class NrrdTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Volumes_round_trip_with_geometry(bool gzip)
    {
        var path = _dir.File($"a{gzip}.nrrd");
        var v = TestVolumes.Ramp<short>(TestVolumes.Oblique(new Shape3(6, 5, 4)));

        NrrdWriter.Write(path, v, gzip);
        var back = Assert.IsType<Volume<short>>(NrrdReader.Read(path)[0]);

        Assert.Equal(v.Data, back.Data);
        TestVolumes.AssertGeometryEqual(v.Geometry, back.Geometry, 1e-12);
        TestVolumes.AssertGeometryEqual(v.Geometry, NrrdReader.ReadHeader(path).Geometry, 1e-12);
    }

    [Fact]
    public void Channels_round_trip_as_a_vector_axis()
    {
        var path = _dir.File("v.nrrd");
        var g = TestVolumes.Oblique(new Shape3(3, 4, 5));
        var a = TestVolumes.Ramp<float>(g);
        var b = TestVolumes.Random<float>(g, 5, 0, 1);

        NrrdWriter.Write(path, new VolumeStack([a, b]));
        var stack = NrrdReader.Read(path);

        Assert.Equal(2, stack.Count);
        Assert.Equal(a.Data, ((Volume<float>)stack[0]).Data);
        Assert.Equal(b.Data, ((Volume<float>)stack[1]).Data);
        Assert.Contains("kinds: vector domain domain domain", File.ReadAllText(path, Encoding.Latin1), StringComparison.Ordinal);
    }

    private string HandWritten(string header, byte[] data)
    {
        var path = _dir.File("hand.nrrd");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes(header), .. data]);
        return path;
    }

    [Fact]
    public void RAS_space_is_converted_to_LPS_and_big_endian_is_swapped()
    {
        var path = HandWritten(
            "NRRD0005\n# comment\ntype: unsigned short\ndimension: 3\nspace: right-anterior-superior\nsizes: 2 1 1\n" +
            "space directions: (0,2,0) (-3,0,0) (0,0,4)\nendian: big\nencoding: raw\nspace origin: (10,20,30)\nkey:=value\n\n",
            [0x01, 0x02, 0xff, 0x00]);

        var v = Assert.IsType<Volume<ushort>>(NrrdReader.Read(path)[0]);

        Assert.Equal(new ushort[] { 0x0102, 0xff00 }, v.Data);
        Assert.Equal(new Vector3D(-10, -20, 30), v.Geometry.Origin);
        Assert.Equal(new Vector3D(2, 3, 4), v.Geometry.Spacing);
        // RAS (0,2,0) is LPS (0,−2,0): the x axis runs anterior.
        Assert.Equal(new Vector3D(-10, -22, 30), v.Geometry.IndexToWorld(1, 0, 0));
    }

    [Fact]
    public void Spacings_without_space_give_an_axis_aligned_grid()
    {
        var path = HandWritten("NRRD0004\ntype: uchar\ndimension: 3\nsizes: 1 1 2\nspacings: 0.5 0.7 1.5\nencoding: raw\n\n", [3, 4]);

        var v = Assert.IsType<Volume<byte>>(NrrdReader.Read(path)[0]);

        Assert.Equal(new Vector3D(0.5, 0.7, 1.5), v.Geometry.Spacing);
        Assert.Equal(Matrix3.Identity, v.Geometry.Direction);
    }

    [Fact]
    public void Detached_data_and_unknown_encodings_are_refused_as_unsupported()
    {
        var detached = HandWritten("NRRD0004\ntype: uchar\ndimension: 3\nsizes: 1 1 1\nencoding: raw\ndata file: x.raw\n\n", []);
        Assert.Throws<UnsupportedFeatureException>(() => NrrdReader.Read(detached));

        var bzip = HandWritten("NRRD0004\ntype: uchar\ndimension: 3\nsizes: 1 1 1\nencoding: bzip2\n\n", [1]);
        Assert.Throws<UnsupportedFeatureException>(() => NrrdReader.Read(bzip));
    }

    [Fact]
    public void Bad_input_raises_typed_errors()
    {
        Assert.Throws<BadMagicException>(() => NrrdReader.Read(HandWritten("NRRX0004\n\n", [])));
        Assert.Throws<UnsupportedDataTypeException>(() => NrrdReader.Read(HandWritten("NRRD0004\ntype: int64\ndimension: 3\nsizes: 1 1 1\nencoding: raw\n\n", [1])));
        Assert.Throws<TruncatedFileException>(() => NrrdReader.Read(HandWritten("NRRD0004\ntype: short\ndimension: 3\nsizes: 2 2 2\nencoding: raw\n\n", [1, 2, 3])));
        Assert.Throws<ImplausibleDimensionsException>(() => NrrdReader.Read(HandWritten("NRRD0004\ntype: short\ndimension: 3\nsizes: 100000 100000 100000\nencoding: raw\n\n", [1])));
        Assert.Throws<MalformedHeaderException>(() => NrrdReader.Read(HandWritten("NRRD0004\ntype: short\ndimension: 3\nsizes: 2 x 2\nencoding: raw\n\n", [1])));
        Assert.Throws<MalformedHeaderException>(() => NrrdReader.Read(HandWritten("NRRD0004\ndimension: 3\nsizes: 1 1 1\nencoding: raw\n\n", [1])));
        Assert.Throws<UnsupportedDimensionalityException>(() => NrrdReader.Read(HandWritten("NRRD0004\ntype: uchar\ndimension: 2\nsizes: 1 1\nencoding: raw\n\n", [1])));
    }

    [Fact]
    public void Mutated_files_only_raise_typed_errors()
    {
        var g = TestVolumes.Oblique(new Shape3(7, 6, 5));
        var seeds = new[] { _dir.File("s1.nrrd"), _dir.File("s2.nrrd"), _dir.File("s3.nrrd") };
        NrrdWriter.Write(seeds[0], TestVolumes.Ramp<short>(g), gzip: true);
        NrrdWriter.Write(seeds[1], TestVolumes.Ramp<float>(g), gzip: false);
        NrrdWriter.Write(seeds[2], new VolumeStack([TestVolumes.Ramp<byte>(g), TestVolumes.Ramp<byte>(g)]), gzip: false);
        var options = new ReadOptions { NonFinite = NonFinitePolicy.Keep };

        ReaderFuzzer.Run(_dir.Path, seeds, path =>
        {
            NrrdReader.ReadHeader(path, options);
            NrrdReader.Read(path, options);
        }, cases: 1500, seed: 77, headerBytes: 400);
    }
}
