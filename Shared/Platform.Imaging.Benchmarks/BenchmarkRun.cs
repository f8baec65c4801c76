using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Platform.Imaging.IO.Nifti;
using Platform.Imaging.Labels;
using Platform.Imaging.Metrics;
using Platform.Imaging.Resampling;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Benchmarks;

/// <summary>Runs each workload in .NET and in Python (scripts time themselves) on identical inputs.</summary>
internal sealed class BenchmarkRun(string work, bool quick)
{
    private readonly Shape3 _shape = quick ? new Shape3(128, 128, 60) : new Shape3(512, 512, 300);
    private readonly Vector3D _spacing = new(0.78, 0.78, 1.25);

    public void Run()
    {
        Console.WriteLine($"Inputs: int16 CT-like volume {_shape}, spacing {_spacing} mm; label maps of the same shape. Best of 3 runs each (scipy order 3 and reference-grid rows: 1 run, they take tens of seconds).");
        var ct = SyntheticCt();
        var (prediction, reference) = LabelMaps();
        File.WriteAllBytes(Path.Combine(work, "ct.i16"), MemoryMarshal.AsBytes(ct.Data.AsSpan()).ToArray());
        File.WriteAllBytes(Path.Combine(work, "pred.u8"), prediction.Data);
        File.WriteAllBytes(Path.Combine(work, "ref.u8"), reference.Data);
        var niiPath = Path.Combine(work, "ours.nii.gz");
        var megabytes = ct.Data.Length * 2 / 1e6;
        var voxels = (double)ct.Data.Length;

        var ours = new Dictionary<string, double>
        {
            ["write"] = megabytes / Best(() => NiftiWriter.Write(niiPath, ct)),
            ["read"] = megabytes / Best(() => NiftiReader.Read(niiPath)),
            ["resample_1mm"] = Resampled(ct, new Vector3D(1, 1, 1)),
            ["resample_08_08_15"] = Resampled(ct, new Vector3D(0.8, 0.8, 1.5)),
            ["dice"] = voxels / Best(() => OverlapMetrics.Compute(prediction, reference, [1, 2])),
            ["components"] = voxels / Best(() => ConnectedComponents.Label(reference, Connectivity.Six)),
            ["resample_1mm_cubic"] = Resampled(ct, new Vector3D(1, 1, 1), Interpolation.Cubic),
        };
        var grids = new ReferenceGridWorkloads(work, ct, reference);
        grids.Measure(ours, Best);
        var python = RunPython(grids.PythonScript());

        Console.WriteLine();
        Console.WriteLine($"{"workload",-34}{"Platform.Imaging",18}{"python",18}{"ratio",8}  reference");
        Row("NIfTI .nii.gz read (MB/s)", "read", ours, python, "nibabel load + dataobj");
        Row("NIfTI .nii.gz write (MB/s)", "write", ours, python, "nibabel save (level 1)");
        Row("resample to 1 mm (voxels/s)", "resample_1mm", ours, python, "scipy.ndimage.zoom order=1");
        Row("resample to 0.8x0.8x1.5 (voxels/s)", "resample_08_08_15", ours, python, "scipy.ndimage.zoom order=1");
        Row("resample to 1 mm cubic (voxels/s)", "resample_1mm_cubic", ours, python, "affine_transform order=3 mirror, same mapping");
        Row("oblique grid, linear (voxels/s)", "grid_oblique", ours, python, "affine_transform order=1, same mapping");
        Row("labels to original grid (voxels/s)", "grid_labels_back", ours, python, "affine_transform order=0, same mapping");
        Row("Dice, 2 labels (voxels/s)", "dice", ours, python, "numpy boolean counts");
        Row("connected components (voxels/s)", "components", ours, python, "scipy.ndimage.label");
    }

    private static void Row(string name, string key, Dictionary<string, double> ours, Dictionary<string, double> python, string reference)
    {
        var o = ours[key];
        var p = python[key];
        Console.WriteLine($"{name,-34}{Format(o),18}{Format(p),18}{o / p,8:F2}  {reference}");
    }

    private static string Format(double v) => v >= 1e6 ? (v / 1e6).ToString("F1", CultureInfo.InvariantCulture) + "M" : v.ToString("F1", CultureInfo.InvariantCulture);

    private static double Resampled(Volume<short> ct, Vector3D target, Interpolation kind = Interpolation.Linear)
    {
        var output = ResampleGrid.ForSpacing(ct.Geometry, target).Shape.VoxelCount;
        return output / Best(() => Resampler.Resample(ct, target, new ResampleOptions { InPlane = kind, SeparateOutOfPlane = false }));
    }

    private static double Best(Action action) => Best(action, 3);

    internal static double Best(Action action, int runs)
    {
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    /// <summary>A body-like ellipsoid with soft-tissue, bone and noise, so compression behaves like real CT.</summary>
    private Volume<short> SyntheticCt()
    {
        var v = new Volume<short>(new VolumeGeometry(_shape, _spacing, Vector3D.Zero, Matrix3.Identity));
        var s = _shape;
        Parallel.For(0, s.Z, z =>
        {
            var random = new Random(z);
            for (var y = 0; y < s.Y; y++)
                for (var x = 0; x < s.X; x++)
                {
                    var dx = (x - (s.X / 2.0)) / (s.X * 0.42);
                    var dy = (y - (s.Y / 2.0)) / (s.Y * 0.35);
                    var r = (dx * dx) + (dy * dy);
                    var value = r > 1 ? -1000 : r > 0.9 ? 700 : 40 + (30 * Math.Sin(x * 0.05) * Math.Cos(z * 0.07));
                    v[x, y, z] = (short)(value + random.Next(-20, 21));
                }
        });
        return v;
    }

    private (Volume<byte> Prediction, Volume<byte> Reference) LabelMaps()
    {
        var g = new VolumeGeometry(_shape, _spacing, Vector3D.Zero, Matrix3.Identity);
        var prediction = new Volume<byte>(g);
        var reference = new Volume<byte>(g);
        var s = _shape;
        Parallel.For(0, s.Z, z =>
        {
            for (var y = 0; y < s.Y; y++)
                for (var x = 0; x < s.X; x++)
                {
                    var dx = (x - (s.X * 0.5)) / s.X;
                    var dy = (y - (s.Y * 0.5)) / s.Y;
                    var dz = (z - (s.Z * 0.5)) / s.Z;
                    var r = (dx * dx) + (dy * dy) + (dz * dz);
                    reference[x, y, z] = (byte)(r < 0.02 ? 2 : r < 0.08 ? 1 : 0);
                    var r2 = ((dx - 0.01) * (dx - 0.01)) + (dy * dy) + (dz * dz);
                    prediction[x, y, z] = (byte)(r2 < 0.021 ? 2 : r2 < 0.079 ? 1 : 0);
                }
        });
        return (prediction, reference);
    }

    private Dictionary<string, double> RunPython(string extra)
    {
        var s = _shape;
        var script = $$"""
            import json, time, numpy as np, nibabel as nib
            from scipy import ndimage
            shape = ({{s.X}}, {{s.Y}}, {{s.Z}}); spacing = np.array([0.78, 0.78, 1.25])
            ct = np.fromfile('ct.i16', dtype='<i2').reshape(shape, order='F')
            pred = np.fromfile('pred.u8', dtype='u1').reshape(shape, order='F')
            ref = np.fromfile('ref.u8', dtype='u1').reshape(shape, order='F')
            def best(f, runs=3):
                t = []
                for _ in range(runs):
                    s = time.perf_counter(); f(); t.append(time.perf_counter() - s)
                return min(t)
            mb = ct.nbytes / 1e6; n = ct.size
            aff = np.diag([-0.78, -0.78, 1.25, 1.0])
            out = {}
            out['write'] = mb / best(lambda: nib.save(nib.Nifti1Image(ct, aff), 'py.nii.gz'))
            out['read'] = mb / best(lambda: np.asanyarray(nib.load('py.nii.gz').dataobj))
            for key, target in (('resample_1mm', [1, 1, 1]), ('resample_08_08_15', [0.8, 0.8, 1.5])):
                new_shape = np.round(np.array(shape) * spacing / np.array(target)).astype(int)
                zoom = new_shape / np.array(shape)
                out[key] = float(np.prod(new_shape)) / best(lambda: ndimage.zoom(ct.astype(np.float32), zoom, order=1, mode='nearest'))
            def dice():
                for l in (1, 2):
                    p = pred == l; r = ref == l
                    tp = np.count_nonzero(p & r); fp = np.count_nonzero(p & ~r); fn = np.count_nonzero(~p & r)
                    2 * tp / (2 * tp + fp + fn)
            out['dice'] = n / best(dice)
            out['components'] = n / best(lambda: ndimage.label(ref))
            ctf = ct.astype(np.float32)
            new_shape = tuple(int(v) for v in np.round(np.array(shape) * spacing).astype(int))
            scale = 1.0 / spacing
            offset = (np.array(shape) - 1) / 2 - (np.array(new_shape) - 1) / 2 * scale
            out['resample_1mm_cubic'] = float(np.prod(new_shape)) / best(lambda: ndimage.affine_transform(ctf, scale, offset, new_shape, order=3, mode='mirror'), 1)
            {{extra}}
            print(json.dumps(out))
            """;
        var path = Path.Combine(work, "bench.py");
        File.WriteAllText(path, script);
        var start = new ProcessStartInfo("/usr/bin/python3", [path]) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/python3 did not start");
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"the Python side failed (needs python3-nibabel and python3-scipy):\n{stderr}");
        return JsonSerializer.Deserialize<Dictionary<string, double>>(stdout)!;
    }
}
