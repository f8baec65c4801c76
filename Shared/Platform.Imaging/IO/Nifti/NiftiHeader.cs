namespace Platform.Imaging.IO.Nifti;

/// <summary>
/// The fields of a NIfTI-1 (348-byte) or NIfTI-2 (540-byte) header, widened to the NIfTI-2 types so one
/// model serves both versions. Field names follow nifti1.h / nifti2.h.
/// </summary>
public sealed class NiftiHeader
{
    public int Version { get; set; } = 1;

    public bool LittleEndian { get; set; } = true;

    /// <summary>dim[0] is the number of dimensions, dim[1..7] the sizes.</summary>
    public long[] Dim { get; set; } = new long[8];

    public short DataType { get; set; }

    public short BitPix { get; set; }

    /// <summary>pixdim[0] is qfac (the sign of the qform's third axis), pixdim[1..3] voxel sizes.</summary>
    public double[] PixDim { get; set; } = [1, 1, 1, 1, 1, 1, 1, 1];

    public double VoxOffset { get; set; }

    public double SclSlope { get; set; }

    public double SclInter { get; set; }

    public byte DimInfo { get; set; }

    public int XyztUnits { get; set; }

    public double CalMin { get; set; }

    public double CalMax { get; set; }

    public long SliceStart { get; set; }

    public long SliceEnd { get; set; }

    public int SliceCode { get; set; }

    public double SliceDuration { get; set; }

    public double TOffset { get; set; }

    public int IntentCode { get; set; }

    public double IntentP1 { get; set; }

    public double IntentP2 { get; set; }

    public double IntentP3 { get; set; }

    public string IntentName { get; set; } = "";

    public string Description { get; set; } = "";

    public string AuxFile { get; set; } = "";

    public int QformCode { get; set; }

    public int SformCode { get; set; }

    public double QuaternB { get; set; }

    public double QuaternC { get; set; }

    public double QuaternD { get; set; }

    public double QOffsetX { get; set; }

    public double QOffsetY { get; set; }

    public double QOffsetZ { get; set; }

    public double[] SrowX { get; set; } = new double[4];

    public double[] SrowY { get; set; } = new double[4];

    public double[] SrowZ { get; set; } = new double[4];

    /// <summary>Spatial unit code (xyzt_units bits 0–2): 1 metre, 2 millimetre, 3 micron, 0 unknown.</summary>
    public int SpatialUnit => XyztUnits & 0x07;

    /// <summary>Temporal unit code (xyzt_units bits 3–5): 8 s, 16 ms, 24 µs, ...</summary>
    public int TemporalUnit => XyztUnits & 0x38;

    public int HeaderSize => Version == 1 ? 348 : 540;

    /// <summary>The smallest vox_offset a single-file .nii may have (header + 4-byte extension flag).</summary>
    public int MinimumVoxOffset => HeaderSize + 4;
}
