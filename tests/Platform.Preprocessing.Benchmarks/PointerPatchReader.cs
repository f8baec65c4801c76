using System.Diagnostics;
using System.IO.MemoryMappedFiles;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Storage;

/// <summary>
/// Comparison only: the same mapped files and row copies as the reader, but with the view's pointer acquired once
/// per patch instead of once per row (what <c>AllowUnsafeBlocks</c> in the library would allow). Tells whether the
/// per-row <c>SafeBuffer.ReadSpan</c> cost or the mapping itself (4 KiB pages, TLB) limits warm reads.
/// </summary>
internal sealed unsafe class PointerPatchReader : IDisposable
{
    private readonly MemoryMappedFile _imageFile;
    private readonly MemoryMappedViewAccessor _image;
    private readonly MemoryMappedFile _labelFile;
    private readonly MemoryMappedViewAccessor _label;
    private readonly int _channels;
    private readonly Shape3 _shape;

    public PointerPatchReader(string folder, string caseId, int channels, Shape3 shape)
    {
        _imageFile = MemoryMappedFile.CreateFromFile(PreprocessedCaseFormat.ImagePath(folder, caseId), FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _image = _imageFile.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        _labelFile = MemoryMappedFile.CreateFromFile(PreprocessedCaseFormat.LabelPath(folder, caseId), FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _label = _labelFile.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        _channels = channels;
        _shape = shape;
    }

    public (long Reads, double Seconds) Measure(Shape3 size, double seconds)
    {
        var random = new Random(1000);
        var image = new float[_channels * size.VoxelCount];
        var labels = new byte[size.VoxelCount];
        byte* imageBase = null;
        byte* labelBase = null;
        _image.SafeMemoryMappedViewHandle.AcquirePointer(ref imageBase);
        _label.SafeMemoryMappedViewHandle.AcquirePointer(ref labelBase);
        try
        {
            var floats = (float*)(imageBase + _image.PointerOffset + PreprocessedCaseFormat.HeaderBytes);
            var bytes = labelBase + _label.PointerOffset + PreprocessedCaseFormat.HeaderBytes;
            // Warm this mapping's pages, as the reader's were.
            long sum = 0;
            for (long i = 0; i < _channels * _shape.VoxelCount; i += 1024)
                sum += (long)floats[i];
            for (long i = 0; i < _shape.VoxelCount; i += 4096)
                sum += bytes[i];
            GC.KeepAlive(sum);
            long reads = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                var (sx, sy, sz) = (random.Next(-size.X / 2, _shape.X - (size.X / 2)), random.Next(-size.Y / 2, _shape.Y - (size.Y / 2)), random.Next(-size.Z / 2, _shape.Z - (size.Z / 2)));
                var (x0, x1) = (Math.Max(sx, 0), Math.Min(sx + size.X, _shape.X));
                var (y0, y1) = (Math.Max(sy, 0), Math.Min(sy + size.Y, _shape.Y));
                var (z0, z1) = (Math.Max(sz, 0), Math.Min(sz + size.Z, _shape.Z));
                image.AsSpan().Clear();
                labels.AsSpan().Clear();
                for (var c = 0; c < _channels; c++)
                {
                    for (var z = z0; z < z1; z++)
                    {
                        for (var y = y0; y < y1; y++)
                        {
                            var target = (x0 - sx) + (size.X * ((y - sy) + (size.Y * (z - sz))));
                            var source = x0 + ((long)_shape.X * (y + ((long)_shape.Y * z)));
                            new ReadOnlySpan<float>(floats + (c * _shape.VoxelCount) + source, x1 - x0).CopyTo(image.AsSpan((int)(c * size.VoxelCount) + target));
                            if (c == 0)
                                new ReadOnlySpan<byte>(bytes + source, x1 - x0).CopyTo(labels.AsSpan(target));
                        }
                    }
                }
                reads++;
            }
            return (reads, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            _image.SafeMemoryMappedViewHandle.ReleasePointer();
            _label.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    public void Dispose()
    {
        _image.Dispose();
        _imageFile.Dispose();
        _label.Dispose();
        _labelFile.Dispose();
    }
}
