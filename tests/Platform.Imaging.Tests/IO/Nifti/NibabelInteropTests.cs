using System.Runtime.InteropServices;
using System.Text.Json;
using Platform.Imaging.IO;
using Platform.Imaging.IO.Nifti;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.IO.Nifti;

/// <summary>
/// nibabel is the reference: files it writes must read to the same voxels (get_fdata) and the same world
/// coordinates (img.affine, RAS), and files we write must load in nibabel to what we wrote.
/// </summary>
[Trait("Category", "Interop")]
public sealed class NibabelInteropTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string WriteCases = """
        import json, numpy as np, nibabel as nib
        rng = np.random.default_rng(3)
        def oblique():
            a, b = 0.4, -0.25
            rz = np.array([[np.cos(a), -np.sin(a), 0], [np.sin(a), np.cos(a), 0], [0, 0, 1]])
            rx = np.array([[1, 0, 0], [0, np.cos(b), -np.sin(b)], [0, np.sin(b), np.cos(b)]])
            m = np.eye(4); m[:3, :3] = rz @ rx @ np.diag([0.8, -1.1, 2.5]); m[:3, 3] = [-90.5, 120.25, -33]
            return m
        flipped = np.diag([-1.5, 1.2, -3.0, 1.0]); flipped[:3, 3] = [10, -20, 30]
        sheared = oblique(); sheared[0, 1] += 0.3
        cases = []
        def save(name, img):
            img.to_filename(name)
            back = nib.load(name)
            data = np.asarray(back.get_fdata(), dtype='<f8')
            data.reshape(-1, order='F').tofile(name + '.f64')
            h = back.header
            cases.append(dict(name=name, affine=back.affine.tolist(), shape=list(data.shape),
                              endian=h.endianness, slope=float(back.dataobj.slope), inter=float(back.dataobj.inter), version=2 if isinstance(h, nib.Nifti2Header) else 1))
        def ints(dtype, shape=(6, 5, 4)):
            info = np.iinfo(dtype)
            return rng.integers(max(info.min, -3000), min(info.max, 3000), size=shape, endpoint=True).astype(dtype)
        img = nib.Nifti1Image(ints(np.int16), oblique()); img.set_qform(oblique(), 1); img.set_sform(oblique(), 2)
        save('both.nii.gz', img)
        img = nib.Nifti1Image(ints(np.int16), oblique()); img.set_sform(None, 0); img.set_qform(flipped, 1)
        save('qform_only.nii', img)
        img = nib.Nifti1Image(ints(np.uint8), sheared); img.set_qform(None, 0); img.set_sform(sheared, 4)
        save('sform_only_sheared.nii.gz', img)
        img = nib.Nifti1Image(ints(np.int8), flipped); img.set_qform(None, 0); img.set_sform(None, 0)
        save('no_codes.nii', img)
        for dt in (np.uint8, np.int8, np.uint16, np.int32):
            img = nib.Nifti1Image(ints(dt), oblique()); save(f'dtype_{np.dtype(dt).name}.nii.gz', img)
        for dt in (np.float32, np.float64):
            img = nib.Nifti1Image(rng.normal(size=(6, 5, 4)).astype(dt), flipped); save(f'dtype_{np.dtype(dt).name}.nii', img)
        img = nib.Nifti1Image(ints(np.int16), oblique()); img.header.set_slope_inter(0.5, 10)
        save('scaled_int16.nii.gz', img)
        img = nib.Nifti1Image(ints(np.uint8), flipped); img.header.set_slope_inter(0.01, -1)
        save('scaled_uint8.nii', img)
        img = nib.Nifti2Image(ints(np.int16), oblique()); save('nifti2.nii.gz', img)
        img = nib.Nifti2Image(rng.normal(size=(6, 5, 4)).astype(np.float32), sheared); img.set_qform(None, 0); save('nifti2_sform.nii', img)
        hdr = nib.Nifti1Header(endianness='>')
        img = nib.Nifti1Image(ints(np.int16), oblique(), header=hdr); save('big_endian.nii', img)
        hdr = nib.Nifti1Header(endianness='>')
        img = nib.Nifti1Image(rng.normal(size=(6, 5, 4)), flipped, header=hdr); save('big_endian_f64.nii.gz', img)
        img = nib.Nifti1Image(ints(np.int16, (6, 5, 4, 3)), oblique()); save('four_d.nii.gz', img)
        print(json.dumps(cases))
        """;

    [Fact]
    public void Files_written_by_nibabel_read_to_the_same_voxels_and_world_coordinates()
    {
        var json = Python.Run(_dir.Path, WriteCases);
        using var doc = JsonDocument.Parse(json);
        var checkedCases = 0;
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var path = _dir.File(name);
            var affine = c.GetProperty("affine").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
            var shape = c.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            var expected = ReadDoubles(path + ".f64");

            var stack = NiftiReader.Read(path, new ReadOptions { ScaledType = VoxelType.Float64 });
            var raw = NiftiReader.ReadRawHeader(path);
            var scaling = NiftiReader.ReadHeader(path).Scaling;

            Assert.Equal(c.GetProperty("endian").GetString() == "<", raw.LittleEndian);
            Assert.Equal(c.GetProperty("version").GetInt32(), raw.Version);
            Assert.Equal(c.GetProperty("slope").GetDouble(), scaling.Slope, 6);
            Assert.Equal(c.GetProperty("inter").GetDouble(), scaling.Intercept, 6);
            Assert.Equal(new Shape3(shape[0], shape[1], shape[2]), stack.Geometry.Shape);
            Assert.Equal(shape.Length == 4 ? shape[3] : 1, stack.Count);
            var actual = stack.Channels.SelectMany(ch => ch.ConvertTo<double>().Data).ToArray();
            Assert.True(expected.SequenceEqual(actual), $"{name}: voxels differ from nibabel's get_fdata()");
            AssertSameWorld(name, affine, stack.Geometry);
            checkedCases++;
        }

        Assert.Equal(17, checkedCases);
    }

    private static void AssertSameWorld(string name, double[][] rasAffine, VolumeGeometry geometry)
    {
        var s = geometry.Shape;
        foreach (var index in new[] { new Vector3D(0, 0, 0), new Vector3D(s.X - 1, 0, 0), new Vector3D(0, s.Y - 1, s.Z - 1), new Vector3D(s.X - 1, s.Y - 1, s.Z - 1), new Vector3D(2, 1, 3) })
        {
            var lps = geometry.IndexToWorld(index);
            var ras = new Vector3D(-lps.X, -lps.Y, lps.Z);
            var expected = new Vector3D(
                (rasAffine[0][0] * index.X) + (rasAffine[0][1] * index.Y) + (rasAffine[0][2] * index.Z) + rasAffine[0][3],
                (rasAffine[1][0] * index.X) + (rasAffine[1][1] * index.Y) + (rasAffine[1][2] * index.Z) + rasAffine[1][3],
                (rasAffine[2][0] * index.X) + (rasAffine[2][1] * index.Y) + (rasAffine[2][2] * index.Z) + rasAffine[2][3]);
            // nibabel builds qform matrices partly in float32; 1e-4 mm is far below any voxel size.
            Assert.True(ras.MaxAbsDifference(expected) < 1e-4, $"{name}: voxel {index} is at RAS {ras}, nibabel says {expected}");
        }
    }

    [Fact]
    public void Files_we_write_load_in_nibabel_with_our_voxels_and_geometry()
    {
        var g = TestVolumes.Oblique(new Shape3(7, 6, 5));
        var written = new List<(string Name, VolumeStack Stack)>
        {
            ("ours_int16.nii.gz", new VolumeStack(TestVolumes.Ramp<short>(g))),
            ("ours_uint8.nii", new VolumeStack(TestVolumes.Ramp<byte>(g))),
            ("ours_uint16.nii.gz", new VolumeStack(TestVolumes.Ramp<ushort>(g))),
            ("ours_int8.nii", new VolumeStack(TestVolumes.Ramp<sbyte>(g))),
            ("ours_int32.nii", new VolumeStack(TestVolumes.Ramp<int>(g))),
            ("ours_float32.nii.gz", new VolumeStack(TestVolumes.Random<float>(g, 1, -5, 5))),
            ("ours_float64.nii", new VolumeStack(TestVolumes.Random<double>(g, 2, -5, 5))),
            ("ours_4d.nii.gz", new VolumeStack([TestVolumes.Ramp<float>(g), TestVolumes.Random<float>(g, 3, 0, 1)])),
        };
        foreach (var (name, stack) in written)
            NiftiWriter.Write(_dir.File(name), stack);
        NiftiWriter.Write(_dir.File("ours_v2.nii.gz"), TestVolumes.Ramp<short>(g), new NiftiWriteOptions { Version = 2 });
        written.Add(("ours_v2.nii.gz", new VolumeStack(TestVolumes.Ramp<short>(g))));

        var names = string.Join(",", written.Select(w => $"'{w.Name}'"));
        var json = Python.Run(_dir.Path, $$"""
            import json, numpy as np, nibabel as nib
            out = []
            for name in [{{names}}]:
                img = nib.load(name)
                np.asarray(img.get_fdata(), dtype='<f8').reshape(-1, order='F').tofile(name + '.f64')
                q, qc = img.header.get_qform(coded=True)
                out.append(dict(name=name, affine=img.affine.tolist(), qform=q.tolist(), shape=list(img.shape),
                                dtype=str(img.get_data_dtype()), qcode=int(qc)))
            print(json.dumps(out))
            """);
        using var doc = JsonDocument.Parse(json);
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var stack = written.Single(w => w.Name == name).Stack;
            var affine = c.GetProperty("affine").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
            var qform = c.GetProperty("qform").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

            var expected = stack.Channels.SelectMany(ch => ch.ConvertTo<double>().Data).ToArray();
            var loaded = ReadDoubles(_dir.File(name + ".f64"));
            Assert.True(expected.SequenceEqual(loaded), $"{name}: nibabel loads different voxels");
            Assert.Equal(stack.Count == 1 ? 3 : 4, c.GetProperty("shape").GetArrayLength());
            Assert.Equal(1, c.GetProperty("qcode").GetInt32());
            Assert.Equal(DtypeName(stack.VoxelType), c.GetProperty("dtype").GetString());
            AssertSameWorld(name, affine, stack.Geometry);
            AssertSameWorld(name + " (qform)", qform, stack.Geometry);
        }

        Assert.Equal(9, doc.RootElement.GetArrayLength());
    }

    private static string DtypeName(VoxelType t) => t switch
    {
        VoxelType.UInt8 => "uint8",
        VoxelType.Int8 => "int8",
        VoxelType.Int16 => "int16",
        VoxelType.UInt16 => "uint16",
        VoxelType.Int32 => "int32",
        VoxelType.Float32 => "float32",
        _ => "float64",
    };

    private static double[] ReadDoubles(string path) => MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(path)).ToArray();
}
