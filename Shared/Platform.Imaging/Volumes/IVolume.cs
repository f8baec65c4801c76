namespace Platform.Imaging.Volumes;

/// <summary>A single-channel 3D volume of any <see cref="VoxelType"/>, for code that does not care about T.</summary>
public interface IVolume
{
    VolumeGeometry Geometry { get; }

    VoxelType VoxelType { get; }

    /// <summary>The voxels as raw bytes in machine byte order, x fastest.</summary>
    Span<byte> AsBytes();

    /// <summary>Converts every voxel to <typeparamref name="TOut"/> (saturating for integers; see <see cref="VolumeConvert"/>).</summary>
    Volume<TOut> ConvertTo<TOut>() where TOut : unmanaged, System.Numerics.INumber<TOut>;
}
