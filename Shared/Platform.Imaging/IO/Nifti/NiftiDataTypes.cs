using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO.Nifti;

/// <summary>NIfTI datatype codes (nifti1.h DT_*), and which of them we load.</summary>
internal static class NiftiDataTypes
{
    public static short CodeOf(VoxelType type) => type switch
    {
        VoxelType.UInt8 => 2,
        VoxelType.Int16 => 4,
        VoxelType.Int32 => 8,
        VoxelType.Float32 => 16,
        VoxelType.Float64 => 64,
        VoxelType.Int8 => 256,
        VoxelType.UInt16 => 512,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static VoxelType ToVoxelType(short code, string path) => code switch
    {
        2 => VoxelType.UInt8,
        4 => VoxelType.Int16,
        8 => VoxelType.Int32,
        16 => VoxelType.Float32,
        64 => VoxelType.Float64,
        256 => VoxelType.Int8,
        512 => VoxelType.UInt16,
        _ => throw new UnsupportedDataTypeException(path, $"NIfTI datatype {code} ({NameOf(code)}) is not supported; supported: uint8, int8, int16, uint16, int32, float32, float64"),
    };

    private static string NameOf(short code) => code switch
    {
        1 => "binary",
        32 => "complex64",
        128 => "RGB24",
        768 => "uint32",
        1024 => "int64",
        1280 => "uint64",
        1536 => "float128",
        1792 => "complex128",
        2048 => "complex256",
        2304 => "RGBA32",
        _ => "unknown code",
    };
}
