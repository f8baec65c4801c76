using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Tests.Storage;

/// <summary>Generated cases with a distinct value per voxel and a temporary folder per test.</summary>
internal static class StorageTestData
{
    public static VolumeGeometry Geometry(Shape3 shape) =>
        new(shape, new Vector3D(0.8, 0.75, 2.5), new Vector3D(-120.5, 33.25, 7), new Matrix3(-1, 0, 0, 0, 0, 1, 0, -1, 0));

    public static Volume<float> Channel(Shape3 shape, int seed)
    {
        var random = new Random(seed);
        var volume = new Volume<float>(Geometry(shape));
        for (var i = 0; i < volume.Data.Length; i++)
            volume.Data[i] = (float)((random.NextDouble() * 2000) - 1000);
        return volume;
    }

    public static Volume<byte> Label(Shape3 shape, int seed)
    {
        var random = new Random(seed);
        var volume = new Volume<byte>(Geometry(shape));
        for (var i = 0; i < volume.Data.Length; i++)
            volume.Data[i] = (byte)random.Next(1, 256);
        return volume;
    }

    /// <summary>The expected patch, by direct indexing of the original volume (x fastest, pad outside).</summary>
    public static T[] ExpectedPatch<T>(Volume<T> volume, int sx, int sy, int sz, Shape3 size, T pad) where T : unmanaged, System.Numerics.INumber<T>
    {
        var expected = new T[size.VoxelCount];
        var i = 0;
        for (var z = sz; z < sz + size.Z; z++)
        {
            for (var y = sy; y < sy + size.Y; y++)
            {
                for (var x = sx; x < sx + size.X; x++)
                {
                    var inside = x >= 0 && y >= 0 && z >= 0 && x < volume.Shape.X && y < volume.Shape.Y && z < volume.Shape.Z;
                    expected[i++] = inside ? volume[x, y, z] : pad;
                }
            }
        }
        return expected;
    }
}

/// <summary>A fresh temporary folder, deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pp-storage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
