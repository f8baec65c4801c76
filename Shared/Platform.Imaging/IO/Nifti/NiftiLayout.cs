using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO.Nifti;

/// <summary>What a parsed NIfTI header means for reading: grid, element type, channels, scaling, data offset.</summary>
internal sealed record NiftiLayout(
    NiftiHeader Header, VolumeGeometry Geometry, VoxelType StoredType, int Channels, IntensityScaling Scaling, long DataOffset)
{
    public long DataBytes => Geometry.Shape.VoxelCount * Channels * VoxelTypes.SizeOf(StoredType);

    /// <summary>
    /// Checks every field that decides an allocation or a seek before anything is allocated: a corrupt
    /// header must end in a typed exception, never in a multi-gigabyte array.
    /// </summary>
    public static NiftiLayout Interpret(NiftiHeader h, string path, ReadOptions options)
    {
        var storedType = NiftiDataTypes.ToVoxelType(h.DataType, path);
        var ndim = h.Dim[0];
        if (ndim is < 1 or > 7)
            throw new ImplausibleDimensionsException(path, $"dim[0] is {ndim}; a NIfTI image has 1 to 7 dimensions");
        var sizes = new long[8];
        for (var i = 1; i <= 7; i++)
        {
            sizes[i] = i <= ndim ? h.Dim[i] : 1;
            if (sizes[i] < 1)
                throw new ImplausibleDimensionsException(path, $"dim[{i}] is {sizes[i]}; every used dimension must be at least 1");
        }

        // Multiply in double: eight longs can overflow, a double only loses precision far past the cap.
        var spatial = (double)sizes[1] * sizes[2] * sizes[3];
        var channels = (double)sizes[4] * sizes[5] * sizes[6] * sizes[7];
        if (spatial * channels > options.MaxElements || spatial > Array.MaxLength)
            throw new ImplausibleDimensionsException(path, $"dimensions {string.Join('×', sizes[1..(int)(ndim + 1)])} exceed the limit of {options.MaxElements} elements");
        if (channels > 1 && !options.ExtraDimensionsAsChannels)
            throw new UnsupportedDimensionalityException(path, $"the image has {ndim} dimensions ({channels} volumes beyond the third); read it with ExtraDimensionsAsChannels to get them as channels");

        var shape = new Shape3((int)sizes[1], (int)sizes[2], (int)sizes[3]);
        var scaling = ScalingOf(h, path);
        var geometry = NiftiAffine.ToGeometry(BestAffine(h, path), shape, path);
        return new NiftiLayout(h, geometry, storedType, (int)channels, scaling, DataOffsetOf(h, path));
    }

    private static RasAffine BestAffine(NiftiHeader h, string path)
    {
        if (h.SformCode == 0)
        {
            for (var i = 1; i <= 3; i++)
            {
                if (!double.IsFinite(h.PixDim[i]) || h.PixDim[i] == 0)
                    throw new ImplausibleDimensionsException(path, $"pixdim[{i}] is {h.PixDim[i]}; voxel sizes must be finite and non-zero");
            }
        }

        return NiftiAffine.Best(h);
    }

    /// <summary>nibabel's rule: a zero or non-finite slope means "no scaling"; a valid slope needs a finite intercept.</summary>
    private static IntensityScaling ScalingOf(NiftiHeader h, string path)
    {
        if (h.SclSlope == 0 || !double.IsFinite(h.SclSlope))
            return IntensityScaling.None;
        if (!double.IsFinite(h.SclInter))
            throw new MalformedHeaderException(path, $"scl_slope is {h.SclSlope} but scl_inter is {h.SclInter}");
        return new IntensityScaling(h.SclSlope, h.SclInter);
    }

    private static long DataOffsetOf(NiftiHeader h, string path)
    {
        var offset = h.VoxOffset;
        if (offset == 0)
            return h.MinimumVoxOffset; // old writers leave it 0 for single files; the data follows the extension flag
        if (!double.IsFinite(offset) || offset < h.MinimumVoxOffset || offset > (1L << 40))
            throw new ImplausibleDimensionsException(path, $"vox_offset is {offset}; a single-file NIfTI-{h.Version} has its voxels at {h.MinimumVoxOffset} or later");
        return (long)offset;
    }

    public VolumeHeader ToVolumeHeader(string path) =>
        new(path, Header.Version == 1 ? ImageFormat.Nifti1 : ImageFormat.Nifti2, Geometry, StoredType, Channels, Scaling);
}
