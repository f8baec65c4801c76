namespace Platform.Imaging.Volumes;

/// <summary>The element types a volume may hold (the ones NIfTI, NRRD and MetaImage share).</summary>
public enum VoxelType
{
    UInt8,
    Int8,
    Int16,
    UInt16,
    Int32,
    Float32,
    Float64,
}

public static class VoxelTypes
{
    public static VoxelType Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(byte)) return VoxelType.UInt8;
        if (typeof(T) == typeof(sbyte)) return VoxelType.Int8;
        if (typeof(T) == typeof(short)) return VoxelType.Int16;
        if (typeof(T) == typeof(ushort)) return VoxelType.UInt16;
        if (typeof(T) == typeof(int)) return VoxelType.Int32;
        if (typeof(T) == typeof(float)) return VoxelType.Float32;
        if (typeof(T) == typeof(double)) return VoxelType.Float64;
        throw new NotSupportedException($"{typeof(T).Name} is not a supported voxel type.");
    }

    public static int SizeOf(VoxelType type) => type switch
    {
        VoxelType.UInt8 or VoxelType.Int8 => 1,
        VoxelType.Int16 or VoxelType.UInt16 => 2,
        VoxelType.Int32 or VoxelType.Float32 => 4,
        VoxelType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool IsFloatingPoint(VoxelType type) => type is VoxelType.Float32 or VoxelType.Float64;
}
