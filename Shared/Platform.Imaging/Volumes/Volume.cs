using System.Numerics;
using System.Runtime.InteropServices;

namespace Platform.Imaging.Volumes;

/// <summary>
/// A 3D volume: voxels in one flat array, x fastest then y then z (the order NIfTI, NRRD and
/// MetaImage store them on disk, so reading is one block copy), plus its world geometry.
/// </summary>
public sealed class Volume<T> : IVolume where T : unmanaged, INumber<T>
{
    public Volume(VolumeGeometry geometry, T[] data)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(data);
        if (data.LongLength != geometry.Shape.VoxelCount)
            throw new ArgumentException($"{data.LongLength} voxels given for shape {geometry.Shape}.", nameof(data));
        Geometry = geometry;
        Data = data;
    }

    /// <summary>A zero-filled volume.</summary>
    public Volume(VolumeGeometry geometry) : this(geometry, new T[CheckedCount(geometry)])
    {
    }

    public VolumeGeometry Geometry { get; }

    public Shape3 Shape => Geometry.Shape;

    public T[] Data { get; }

    public VoxelType VoxelType => VoxelTypes.Of<T>();

    public T this[int x, int y, int z]
    {
        get => Data[IndexOf(x, y, z)];
        set => Data[IndexOf(x, y, z)] = value;
    }

    public int IndexOf(int x, int y, int z) => x + (Shape.X * (y + (Shape.Y * z)));

    public Span<byte> AsBytes() => MemoryMarshal.AsBytes(Data.AsSpan());

    /// <summary>Same geometry, new voxels.</summary>
    public Volume<TOut> WithData<TOut>(TOut[] data) where TOut : unmanaged, INumber<TOut> => new(Geometry, data);

    public Volume<T> Clone() => new(Geometry, (T[])Data.Clone());

    public Volume<TOut> ConvertTo<TOut>() where TOut : unmanaged, INumber<TOut> =>
        new(Geometry, VolumeConvert.Convert<T, TOut>(Data));

    private static int CheckedCount(VolumeGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var count = geometry.Shape.VoxelCount;
        if (count > Array.MaxLength)
            throw new ArgumentException($"Shape {geometry.Shape} holds {count} voxels, more than one array can.", nameof(geometry));
        return (int)count;
    }
}
