using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Storage;

// Random patch reads from the preprocessed-case storage (issue 5, item 5). Prints figures; never fails on them.
// Usage: dotnet run -c Release --project tests/Platform.Preprocessing.Benchmarks -- [X Y Z] [seconds-per-figure]
//        ... -- --pipeline [cases] [X Y Z]   preprocessing cases/s and MB/s through DatasetPreprocessor (PipelineBenchmarks.cs)
//        ... -- --large [X Y Z]              peak memory of one 512×512×1000 int16 CT through CasePreprocessor
// Default: a 512×512×300 case, 2 s per figure. Patch starts are drawn nnU-Net style, so patches may stick out
// by up to half their size (padding is part of what is timed).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length > 0 && args[0] == "--pipeline")
    return PipelineBenchmarks.Pipeline(args);
if (args.Length > 0 && args[0] == "--large")
    return PipelineBenchmarks.Large(args);
var shape = args.Length >= 3 ? new Shape3(int.Parse(args[0]), int.Parse(args[1]), int.Parse(args[2])) : new Shape3(512, 512, 300);
var seconds = args.Length is 1 or 4 ? double.Parse(args[^1]) : 2.0;
var folder = Path.Combine(Path.GetTempPath(), "pp-storage-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    Console.WriteLine($"Case {shape} ({shape.VoxelCount * 4 / 1e6:0} MB per float32 channel), {Environment.ProcessorCount} cores, {seconds} s per figure, folder {folder}");
    var geometry = VolumeGeometry.Identity(shape, new Vector3D(0.8, 0.8, 1.5));
    var channels = new[] { Generate(geometry, 1), Generate(geometry, 2) };
    var label = new Volume<byte>(geometry);
    for (var i = 0; i < label.Data.Length; i++)
        label.Data[i] = (byte)(i % 7 == 0 ? 1 : 0);

    foreach (var count in new[] { 1, 2 })
    {
        var caseId = $"case{count}ch";
        var bytes = (PreprocessedCaseFormat.HeaderBytes * 2) + (count * shape.VoxelCount * 4) + shape.VoxelCount;
        var clock = Stopwatch.StartNew();
        PreprocessedCaseWriter.Write(folder, caseId, channels[..count], label, "{\"benchmark\":true}");
        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"write {count} channel(s) + label: {bytes / 1e6:0} MB in {elapsed:0.00} s = {bytes / 1e6 / elapsed:0} MB/s (fsync included)");
    }

    Console.WriteLine();
    Console.WriteLine("random patch reads (image, all channels, + label)          reads/s     MB/s");
    foreach (var edge in new[] { 128, 64 })
    {
        foreach (var count in new[] { 1, 2 })
        {
            var caseId = $"case{count}ch";
            var size = new Shape3(edge, edge, edge);
            DropFromPageCache(folder, caseId);
            using (var reader = PreprocessedCaseReader.Open(folder, caseId))
                Report($"{edge}³ × {count}ch  cold (first 20 reads after fadvise DONTNEED)", Measure(reader, size, 1, 0, maxReads: 20), size, count);
            using (var reader = PreprocessedCaseReader.Open(folder, caseId))
            {
                Warm(reader);
                Report($"{edge}³ × {count}ch  warm, 1 thread", Measure(reader, size, 1, seconds), size, count);
                Report($"{edge}³ × {count}ch  warm, {Environment.ProcessorCount} threads", Measure(reader, size, Environment.ProcessorCount, seconds), size, count);
            }
            Report($"{edge}³ × {count}ch  baseline: same rows copied from Volume arrays", MeasureInMemory(channels[..count], label, size, seconds), size, count);
        }
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

return 0;

static Volume<float> Generate(VolumeGeometry geometry, int seed)
{
    var random = new Random(seed);
    var volume = new Volume<float>(geometry);
    for (var i = 0; i < volume.Data.Length; i++)
        volume.Data[i] = (float)random.NextDouble();
    return volume;
}

// Reads every channel once so the page cache holds the whole case.
static void Warm(PreprocessedCaseReader reader)
{
    var slab = new Shape3(reader.Shape.X, reader.Shape.Y, 1);
    var buffer = new float[slab.VoxelCount];
    for (var c = 0; c < reader.Channels; c++)
    {
        for (var z = 0; z < reader.Shape.Z; z++)
            reader.ReadImagePatch(c, buffer, new VoxelIndex(0, 0, z), slab);
    }
    var labels = new byte[slab.VoxelCount];
    for (var z = 0; z < reader.Shape.Z; z++)
        reader.ReadLabelPatch(labels, new VoxelIndex(0, 0, z), slab);
}

static (long Reads, double Seconds) Measure(PreprocessedCaseReader reader, Shape3 size, int threads, double seconds, int maxReads = int.MaxValue)
{
    long total = 0;
    var clock = Stopwatch.StartNew();
    Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, worker =>
    {
        var random = new Random(1000 + worker);
        var image = new float[reader.ImagePatchLength(size)];
        var labels = new byte[size.VoxelCount];
        long reads = 0;
        while (reads < maxReads && (maxReads != int.MaxValue || clock.Elapsed.TotalSeconds < seconds))
        {
            var start = new VoxelIndex(
                random.Next(-size.X / 2, reader.Shape.X - (size.X / 2)),
                random.Next(-size.Y / 2, reader.Shape.Y - (size.Y / 2)),
                random.Next(-size.Z / 2, reader.Shape.Z - (size.Z / 2)));
            reader.ReadImagePatch(image, start, size);
            reader.ReadLabelPatch(labels, start, size);
            reads++;
        }
        Interlocked.Add(ref total, reads);
    });
    return (total, clock.Elapsed.TotalSeconds);
}

// The ceiling: the same row-by-row copies from the managed Volume arrays, no mapping involved.
static (long Reads, double Seconds) MeasureInMemory(Volume<float>[] channels, Volume<byte> label, Shape3 size, double seconds)
{
    var shape = label.Shape;
    var random = new Random(1000);
    var image = new float[channels.Length * size.VoxelCount];
    var labels = new byte[size.VoxelCount];
    long reads = 0;
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        var (sx, sy, sz) = (random.Next(-size.X / 2, shape.X - (size.X / 2)), random.Next(-size.Y / 2, shape.Y - (size.Y / 2)), random.Next(-size.Z / 2, shape.Z - (size.Z / 2)));
        var (x0, x1) = (Math.Max(sx, 0), Math.Min(sx + size.X, shape.X));
        var (y0, y1) = (Math.Max(sy, 0), Math.Min(sy + size.Y, shape.Y));
        var (z0, z1) = (Math.Max(sz, 0), Math.Min(sz + size.Z, shape.Z));
        image.AsSpan().Clear();
        labels.AsSpan().Clear();
        for (var c = 0; c < channels.Length; c++)
        {
            for (var z = z0; z < z1; z++)
            {
                for (var y = y0; y < y1; y++)
                {
                    var target = (x0 - sx) + (size.X * ((y - sy) + (size.Y * (z - sz))));
                    var source = label.IndexOf(x0, y, z);
                    channels[c].Data.AsSpan(source, x1 - x0).CopyTo(image.AsSpan((int)(c * size.VoxelCount) + target));
                    if (c == 0)
                        label.Data.AsSpan(source, x1 - x0).CopyTo(labels.AsSpan(target));
                }
            }
        }
        reads++;
    }
    return (reads, clock.Elapsed.TotalSeconds);
}

static void Report(string what, (long Reads, double Seconds) result, Shape3 size, int channels)
{
    var perSecond = result.Reads / result.Seconds;
    var mb = perSecond * size.VoxelCount * ((channels * 4) + 1) / 1e6;
    Console.WriteLine($"  {what,-58} {perSecond,8:0.0} {mb,8:0}");
}

// Linux only: asks the kernel to drop the case's pages from the page cache (files are fsynced by the writer,
// so the pages are clean and really go). Elsewhere the "cold" figure is just the first reads.
static void DropFromPageCache(string folder, string caseId)
{
    if (!OperatingSystem.IsLinux())
        return;
    foreach (var path in new[] { PreprocessedCaseFormat.ImagePath(folder, caseId), PreprocessedCaseFormat.LabelPath(folder, caseId) })
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        _ = NativeMethods.PosixFadvise((int)stream.SafeFileHandle.DangerousGetHandle(), 0, 0, NativeMethods.PosixFadvDontNeed);
    }
}

internal static partial class NativeMethods
{
    public const int PosixFadvDontNeed = 4;

    [DllImport("libc", EntryPoint = "posix_fadvise")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int PosixFadvise(int fd, long offset, long length, int advice);
}
