using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO.Nrrd;

/// <summary>NRRD "type" spellings (every alias in the format specification) and the one we write.</summary>
internal static class NrrdTypes
{
    public static VoxelType Parse(string type, string path) => type.Trim().ToLowerInvariant() switch
    {
        "signed char" or "int8" or "int8_t" => VoxelType.Int8,
        "uchar" or "unsigned char" or "uint8" or "uint8_t" => VoxelType.UInt8,
        "short" or "short int" or "signed short" or "signed short int" or "int16" or "int16_t" => VoxelType.Int16,
        "ushort" or "unsigned short" or "unsigned short int" or "uint16" or "uint16_t" => VoxelType.UInt16,
        "int" or "signed int" or "int32" or "int32_t" => VoxelType.Int32,
        "float" => VoxelType.Float32,
        "double" => VoxelType.Float64,
        _ => throw new UnsupportedDataTypeException(path, $"NRRD type '{type}' is not supported; supported: int8, uint8, int16, uint16, int32, float, double"),
    };

    public static string Name(VoxelType type) => type switch
    {
        VoxelType.Int8 => "int8",
        VoxelType.UInt8 => "uint8",
        VoxelType.Int16 => "int16",
        VoxelType.UInt16 => "uint16",
        VoxelType.Int32 => "int32",
        VoxelType.Float32 => "float",
        VoxelType.Float64 => "double",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
