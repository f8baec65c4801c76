using System.Numerics;
using Platform.Imaging.Geometry;
using Platform.Imaging.Resampling;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Cases;

/// <summary>
/// The exact pipeline steps on volumes of their loaded voxel type, so an int16 CT is cropped and reoriented at
/// 2 bytes per voxel and only becomes float32 inside the resampler. Steps that would not change anything return
/// their input instead of copying it.
/// </summary>
internal static class NativeVolumes
{
    public static Box3? NonzeroBox(IVolume volume) => VoxelTypeDispatch.Dispatch(volume.VoxelType, new NonzeroBoxOf(volume));

    public static IVolume Crop(IVolume volume, Box3 box) =>
        box == Box3.Of(volume.Geometry.Shape) ? volume : VoxelTypeDispatch.Dispatch(volume.VoxelType, new CropOf(volume, box));

    public static IVolume Reorient(IVolume volume, Reorientation.AxisMap map) =>
        IsIdentity(map) ? volume : VoxelTypeDispatch.Dispatch(volume.VoxelType, new ReorientOf(volume, map));

    public static Volume<float> Resample(IVolume volume, Vector3D spacing, ResampleOptions options) =>
        VoxelTypeDispatch.Dispatch(volume.VoxelType, new ResampleOf(volume, spacing, options));

    /// <summary>Sets mask voxels to 1 wherever <paramref name="volume"/> is nonzero.</summary>
    public static void OrNonzeroInto(IVolume volume, byte[] mask) => VoxelTypeDispatch.Dispatch(volume.VoxelType, new OrNonzero(volume, mask));

    public static bool IsIdentity(Reorientation.AxisMap map) =>
        map.Source[0] == 0 && map.Source[1] == 1 && map.Source[2] == 2 && !map.Flip[0] && !map.Flip[1] && !map.Flip[2];

    /// <summary>
    /// A box in original voxel indices expressed in reoriented indices: target axis t takes source axis
    /// Source[t], mirrored (n − max, n − min) when flipped.
    /// </summary>
    public static Box3 ToReoriented(Box3 box, Shape3 original, Reorientation.AxisMap map)
    {
        var min = new int[3];
        var max = new int[3];
        for (var t = 0; t < 3; t++)
        {
            var s = map.Source[t];
            (min[t], max[t]) = map.Flip[t] ? (original[s] - box.Max(s), original[s] - box.Min(s)) : (box.Min(s), box.Max(s));
        }

        return new Box3(min[0], min[1], min[2], max[0], max[1], max[2]);
    }

    /// <summary>The inverse of <see cref="ToReoriented"/>.</summary>
    public static Box3 ToOriginal(Box3 box, Shape3 original, Reorientation.AxisMap map)
    {
        var min = new int[3];
        var max = new int[3];
        for (var t = 0; t < 3; t++)
        {
            var s = map.Source[t];
            (min[s], max[s]) = map.Flip[t] ? (original[s] - box.Max(t), original[s] - box.Min(t)) : (box.Min(t), box.Max(t));
        }

        return new Box3(min[0], min[1], min[2], max[0], max[1], max[2]);
    }

    private sealed class NonzeroBoxOf(IVolume volume) : IVoxelTypeFunc<Box3?>
    {
        public Box3? Invoke<T>() where T : unmanaged, INumber<T> => Cropping.NonzeroBox((Volume<T>)volume);
    }

    private sealed class CropOf(IVolume volume, Box3 box) : IVoxelTypeFunc<IVolume>
    {
        public IVolume Invoke<T>() where T : unmanaged, INumber<T> => Cropping.Crop((Volume<T>)volume, box);
    }

    private sealed class ReorientOf(IVolume volume, Reorientation.AxisMap map) : IVoxelTypeFunc<IVolume>
    {
        public IVolume Invoke<T>() where T : unmanaged, INumber<T> => Reorientation.Apply((Volume<T>)volume, map);
    }

    private sealed class ResampleOf(IVolume volume, Vector3D spacing, ResampleOptions options) : IVoxelTypeFunc<Volume<float>>
    {
        public Volume<float> Invoke<T>() where T : unmanaged, INumber<T> => SlabResampler.Resample((Volume<T>)volume, spacing, options);
    }

    private sealed class OrNonzero(IVolume volume, byte[] mask) : IVoxelTypeFunc<bool>
    {
        public bool Invoke<T>() where T : unmanaged, INumber<T>
        {
            var data = ((Volume<T>)volume).Data;
            for (var i = 0; i < data.Length; i++)
                if (data[i] != T.Zero)
                    mask[i] = 1;
            return true;
        }
    }
}
