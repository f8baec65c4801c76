namespace Platform.Imaging.IO;

/// <summary>
/// A file could not be read (or written) as an image. The message names the file and the problem; the
/// subclasses let callers such as datasource validation report the kind of fault without parsing text.
/// </summary>
public class ImageFormatException : Exception
{
    public ImageFormatException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    public string FilePath { get; }

    public string Problem { get; }
}

/// <summary>The file ends before the header or the voxels it declares.</summary>
public sealed class TruncatedFileException(string filePath, string problem, Exception? inner = null)
    : ImageFormatException(filePath, problem, inner);

/// <summary>The file does not start with the signature of the format it claims (or any format we read).</summary>
public sealed class BadMagicException(string filePath, string problem)
    : ImageFormatException(filePath, problem);

/// <summary>The element type is valid in the format but not one we load (complex, RGB, 64-bit integers, ...).</summary>
public sealed class UnsupportedDataTypeException(string filePath, string problem)
    : ImageFormatException(filePath, problem);

/// <summary>Dimensions, spacing or offsets that cannot describe a real image; refused before any allocation.</summary>
public sealed class ImplausibleDimensionsException(string filePath, string problem)
    : ImageFormatException(filePath, problem);

/// <summary>More dimensions than the caller accepts (a 4D file read as one 3D volume).</summary>
public sealed class UnsupportedDimensionalityException(string filePath, string problem)
    : ImageFormatException(filePath, problem);

/// <summary>A voxel is NaN or infinite and the read policy is <see cref="NonFinitePolicy.Reject"/>.</summary>
public sealed class NonFiniteVoxelException(string filePath, string problem)
    : ImageFormatException(filePath, problem);

/// <summary>A header field is missing, unparsable or inconsistent with the others.</summary>
public sealed class MalformedHeaderException(string filePath, string problem, Exception? inner = null)
    : ImageFormatException(filePath, problem, inner);

/// <summary>The compressed stream is not valid gzip/zlib data.</summary>
public sealed class CorruptCompressedDataException(string filePath, string problem, Exception? inner = null)
    : ImageFormatException(filePath, problem, inner);

/// <summary>A valid file that uses a feature we do not implement (detached data lists, bzip2, ...).</summary>
public sealed class UnsupportedFeatureException(string filePath, string problem)
    : ImageFormatException(filePath, problem);
