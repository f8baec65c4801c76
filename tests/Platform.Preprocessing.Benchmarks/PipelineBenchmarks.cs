using System.Diagnostics;
using System.Globalization;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Datasets;

/// <summary>
/// Preprocessing throughput through <see cref="DatasetPreprocessor"/> and the peak memory of one large case.
/// Prints figures; never fails on them.
/// </summary>
internal static class PipelineBenchmarks
{
    /// <summary>
    /// <c>--pipeline [cases] [X Y Z]</c>: generated int16 CT-like cases (LPS, 0.7×0.7×2.5 mm, a body ellipse and a
    /// label blob) written as .nii.gz, preprocessed to 1.0×1.0×2.5 mm RAS with CT normalisation, 2 cases at once.
    /// </summary>
    public static int Pipeline(string[] args)
    {
        var count = args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var shape = args.Length >= 5
            ? new Shape3(int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture))
            : new Shape3(256, 256, 128);
        var root = Path.Combine(Path.GetTempPath(), "pp-pipeline-bench-" + Guid.NewGuid().ToString("N"));
        var input = Directory.CreateDirectory(Path.Combine(root, "input")).FullName;
        try
        {
            var geometry = new VolumeGeometry(shape, new Vector3D(0.7, 0.7, 2.5), Vector3D.Zero, Matrix3.Identity);
            var cases = new List<CaseSource>();
            for (var i = 0; i < count; i++)
            {
                var (image, label) = Generate(geometry, i);
                var imagePath = Path.Combine(input, $"case{i:000}_0000.nii.gz");
                var labelPath = Path.Combine(input, $"case{i:000}.nii.gz");
                ImageFile.Write(imagePath, image);
                ImageFile.Write(labelPath, label);
                cases.Add(new CaseSource($"case{i:000}", [imagePath], labelPath));
            }

            var request = new DatasetPreprocessingRequest
            {
                OutputFolder = Path.Combine(root, "output"),
                Cases = cases,
                Settings = new CasePreprocessingSettings
                {
                    TargetSpacing = new Vector3D(1.0, 1.0, 2.5),
                    Normalization = [ChannelNormalization.Ct(-900, 1200, 40, 300)],
                },
                MaxParallelism = 2,
                MemoryBudgetBytes = 4L << 30,
            };
            var report = request.Cases.Count == 0 ? null : DatasetPreprocessor.RunAsync(request).GetAwaiter().GetResult();
            if (report is null)
                return 1;
            var seconds = report.Elapsed.TotalSeconds;
            var voxelBytes = count * shape.VoxelCount * 3L; // int16 image + uint8 label, uncompressed
            Console.WriteLine($"{count} cases of {shape} int16 (+ uint8 label), .nii.gz, {Environment.ProcessorCount} cores, 2 cases at once");
            Console.WriteLine($"  processed {report.Processed}, failed {report.Failed}, {seconds:0.00} s");
            Console.WriteLine($"  {report.Processed / seconds:0.00} cases/s, {report.InputBytes / 1e6 / seconds:0.0} MB/s of input files, {voxelBytes / 1e6 / seconds:0.0} MB/s of uncompressed voxels");
            Console.WriteLine($"  output shape median {string.Join('×', report.Summary.Shape.Median)}, channel 0 mean {report.Summary.Channels[0].Mean:0.000} std {report.Summary.Channels[0].StandardDeviation:0.000}");
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// <c>--large [X Y Z]</c>: one int16 CT of 512×512×1000 (LPS, 0.7×0.7×1.0 mm) with a uint8 label, through
    /// <see cref="CasePreprocessor"/> to 0.8×0.8×1.5 mm RAS. Prints the process's peak resident memory during the
    /// run (Linux VmHWM, reset just before) and the bytes allocated.
    /// </summary>
    public static int Large(string[] args)
    {
        var shape = args.Length >= 4
            ? new Shape3(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture))
            : new Shape3(512, 512, 1000);
        var geometry = new VolumeGeometry(shape, new Vector3D(0.7, 0.7, 1.0), Vector3D.Zero, Matrix3.Identity);
        var (image, label) = Generate(geometry, 1);
        var inputBytes = (image.Data.Length * 2L) + label.Data.Length;
        var settings = new CasePreprocessingSettings
        {
            TargetSpacing = new Vector3D(0.8, 0.8, 1.5),
            Normalization = [ChannelNormalization.Ct(-900, 1200, 40, 300)],
        };
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var resetWorked = ResetPeak();
        var before = Resident("VmRSS");
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = CasePreprocessor.Run([image], label, settings);
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = Resident("VmHWM");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var info = GC.GetGCMemoryInfo();
        Console.WriteLine($"large case {shape} int16 + uint8 label ({inputBytes / 1e9:0.00} GB input) → {result.Channels[0].Shape} float32, {seconds:0.0} s");
        Console.WriteLine($"  resident before run (input held by the caller): {before / 1e9:0.00} GB");
        Console.WriteLine($"  peak resident during run{(resetWorked ? "" : " (process lifetime: peak reset not permitted)")}: {peak / 1e9:0.00} GB; above the input: {(peak - before) / 1e9:0.00} GB");
        Console.WriteLine($"  allocated during run: {allocated / 1e9:0.00} GB; GC heap now {info.HeapSizeBytes / 1e9:0.00} GB, gen2 collections {GC.CollectionCount(2)}");
        GC.KeepAlive(result);
        return 0;
    }

    private static (Volume<short> Image, Volume<byte> Label) Generate(VolumeGeometry geometry, int seed)
    {
        var s = geometry.Shape;
        var image = new Volume<short>(geometry);
        var label = new Volume<byte>(geometry);
        var random = new Random(seed);
        var noise = new short[4096];
        for (var i = 0; i < noise.Length; i++)
            noise[i] = (short)random.Next(-20, 20);
        Parallel.For(0, s.Z, z =>
        {
            for (var y = 0; y < s.Y; y++)
            {
                for (var x = 0; x < s.X; x++)
                {
                    var dx = (x - (s.X / 2.0)) / (s.X * 0.45);
                    var dy = (y - (s.Y / 2.0)) / (s.Y * 0.35);
                    var r = (dx * dx) + (dy * dy);
                    var i = image.IndexOf(x, y, z);
                    image.Data[i] = (short)((r < 1 ? 40 : -1000) + noise[i & 4095]);
                    var lx = (x - (s.X * 0.4)) / (s.X * 0.1);
                    var ly = (y - (s.Y * 0.5)) / (s.Y * 0.1);
                    var lz = (z - (s.Z * 0.5)) / (s.Z * 0.2);
                    if ((lx * lx) + (ly * ly) + (lz * lz) < 1)
                        label.Data[i] = 1;
                }
            }
        });
        return (image, label);
    }

    /// <summary>Linux: writing 5 to clear_refs resets the peak resident set (VmHWM) of this process.</summary>
    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Resident(string field)
    {
        if (!OperatingSystem.IsLinux())
            return field == "VmHWM" ? Process.GetCurrentProcess().PeakWorkingSet64 : Environment.WorkingSet;
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
