using System.Numerics;

namespace Platform.Imaging.Volumes;

/// <summary>
/// A generic operation over the voxel type. Readers learn the type at run time from a header; this turns
/// that value back into a type argument so the hot loops stay generic and specialised by the JIT.
/// </summary>
public interface IVoxelTypeFunc<out TResult>
{
    TResult Invoke<T>() where T : unmanaged, INumber<T>;
}

public static class VoxelTypeDispatch
{
    public static TResult Dispatch<TResult>(VoxelType type, IVoxelTypeFunc<TResult> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return type switch
        {
            VoxelType.UInt8 => func.Invoke<byte>(),
            VoxelType.Int8 => func.Invoke<sbyte>(),
            VoxelType.Int16 => func.Invoke<short>(),
            VoxelType.UInt16 => func.Invoke<ushort>(),
            VoxelType.Int32 => func.Invoke<int>(),
            VoxelType.Float32 => func.Invoke<float>(),
            VoxelType.Float64 => func.Invoke<double>(),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }
}
