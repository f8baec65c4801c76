using System.IO.Compression;

namespace Platform.Imaging.IO.Nifti;

/// <summary>Choices for writing NIfTI files.</summary>
public sealed record NiftiWriteOptions
{
    public static NiftiWriteOptions Default { get; } = new();

    /// <summary>1 or 2; null writes NIfTI-1 unless a dimension exceeds its 32767 limit.</summary>
    public int? Version { get; init; }

    /// <summary>Used for .nii.gz. Fastest (zlib level 1) is also nibabel's default.</summary>
    public CompressionLevel Compression { get; init; } = CompressionLevel.Fastest;

    /// <summary>NIFTI_XFORM_* code written with the qform; 1 = scanner anatomical, as ITK writes.</summary>
    public int QformCode { get; init; } = 1;

    /// <summary>NIFTI_XFORM_* code written with the sform (which holds the exact affine).</summary>
    public int SformCode { get; init; } = 1;

    public string Description { get; init; } = "Platform.Imaging";
}
