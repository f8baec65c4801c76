using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO.MetaImage;

/// <summary>MetaImage ElementType names.</summary>
internal static class MetaImageTypes
{
    public static VoxelType Parse(string type, string path) => type.Trim().ToUpperInvariant() switch
    {
        "MET_CHAR" => VoxelType.Int8,
        "MET_UCHAR" => VoxelType.UInt8,
        "MET_SHORT" => VoxelType.Int16,
        "MET_USHORT" => VoxelType.UInt16,
        "MET_INT" => VoxelType.Int32,
        "MET_FLOAT" => VoxelType.Float32,
        "MET_DOUBLE" => VoxelType.Float64,
        _ => throw new UnsupportedDataTypeException(path, $"MetaImage ElementType '{type}' is not supported; supported: MET_CHAR, MET_UCHAR, MET_SHORT, MET_USHORT, MET_INT, MET_FLOAT, MET_DOUBLE"),
    };

    public static string Name(VoxelType type) => type switch
    {
        VoxelType.Int8 => "MET_CHAR",
        VoxelType.UInt8 => "MET_UCHAR",
        VoxelType.Int16 => "MET_SHORT",
        VoxelType.UInt16 => "MET_USHORT",
        VoxelType.Int32 => "MET_INT",
        VoxelType.Float32 => "MET_FLOAT",
        VoxelType.Float64 => "MET_DOUBLE",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
