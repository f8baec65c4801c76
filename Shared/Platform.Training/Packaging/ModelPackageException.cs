namespace Platform.Training.Packaging;

/// <summary>What is wrong with a model package.</summary>
public enum ModelPackageProblem
{
    /// <summary>The manifest, a member's checkpoint or the zip is not there.</summary>
    MissingFile,

    /// <summary>A checkpoint's SHA-256 is not the one the manifest records: altered or corrupted.</summary>
    HashMismatch,

    /// <summary>The manifest's format version is not one this software reads.</summary>
    UnknownFormatVersion,

    /// <summary>A zip entry or a member path would land outside the package folder.</summary>
    UnsafePath,

    /// <summary>The manifest is not valid JSON or misses what a package needs.</summary>
    InvalidManifest,
}

/// <summary>A package that cannot be used, naming the file and what is wrong with it.</summary>
public sealed class ModelPackageException(ModelPackageProblem problem, string file, string message)
    : Exception($"{file}: {message}")
{
    public ModelPackageProblem Problem { get; } = problem;

    /// <summary>The file (or zip entry) the problem is about.</summary>
    public string File { get; } = file;
}
