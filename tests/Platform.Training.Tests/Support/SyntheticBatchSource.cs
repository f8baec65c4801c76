using Platform.Imaging.Volumes;
using Platform.Training.Data;

namespace Platform.Training.Tests.Support;

/// <summary>
/// A deterministic batch source: batch i is a pure function of (seed, i). Each patch holds a box of class 1 and,
/// when there are 3 classes, a smaller box of class 2 inside it, at a position drawn from the batch's own random
/// generator; image intensity is the class plus noise, so a network can learn it.
/// </summary>
internal sealed class SyntheticBatchSource(int seed, long start, int batchSize, int channels, Shape3 patch, int classes) : IBatchSource
{
    public long NextIndex { get; private set; } = start;

    public int Taken { get; private set; }

    public bool Disposed { get; private set; }

    public static Func<long, IBatchSource> Factory(int seed, int batchSize, int channels, Shape3 patch, int classes) =>
        start => new SyntheticBatchSource(seed, start, batchSize, channels, patch, classes);

    public TrainingBatch Take(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var batch = Make(seed, NextIndex, batchSize, channels, patch, classes);
        NextIndex++;
        Taken++;
        return batch;
    }

    public static TrainingBatch Make(int seed, long index, int batchSize, int channels, Shape3 patch, int classes)
    {
        var batch = new TrainingBatch(index, batchSize, channels, patch);
        // A fixed arithmetic mix, not HashCode.Combine, which is randomised per process.
        var random = new Random(unchecked(seed * 1_000_003 + (int)index * 7919));
        int voxels = (int)patch.VoxelCount;
        for (int b = 0; b < batchSize; b++)
        {
            int x0 = random.Next(0, patch.X / 2), y0 = random.Next(0, patch.Y / 2), z0 = random.Next(0, Math.Max(1, patch.Z / 2));
            int ex = Math.Max(1, patch.X / 2), ey = Math.Max(1, patch.Y / 2), ez = Math.Max(1, patch.Z / 2);
            for (int z = 0; z < patch.Z; z++)
            for (int y = 0; y < patch.Y; y++)
            for (int x = 0; x < patch.X; x++)
            {
                int v = (z * patch.Y + y) * patch.X + x;
                bool inOuter = x >= x0 && x < x0 + ex && y >= y0 && y < y0 + ey && z >= z0 && z < z0 + ez;
                bool inInner = inOuter && x >= x0 + 1 && x < x0 + ex - 1 && y >= y0 + 1 && y < y0 + ey - 1;
                byte label = (byte)(inInner && classes > 2 ? 2 : inOuter ? 1 : 0);
                batch.Labels[b * voxels + v] = label;
                for (int c = 0; c < channels; c++)
                    batch.Images[(b * channels + c) * voxels + v] = label + (float)(random.NextDouble() - 0.5);
            }
        }
        return batch;
    }

    public void Dispose() => Disposed = true;
}
