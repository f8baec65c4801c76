namespace Platform.Datasources.Paths;

/// <summary>Why a lab-relative path was not resolved; callers answer each differently (a viewer: 503, 403 or 404).</summary>
public enum LabPathProblem
{
    /// <summary>The platform has no data root (Platform:Storage:DataRoot), or it does not exist on this server.</summary>
    NotConfigured,

    /// <summary>The path leaves the lab's data folder (absolute, '..', a link leading out) or names no folder at all.</summary>
    Refused,

    /// <summary>The path stays inside the lab's data folder, but nothing is there (or the lab has no data folder yet).</summary>
    Missing,
}

/// <summary>
/// A user- or catalog-given path that <see cref="LabDataRoot"/> did not resolve. The message names paths only as the
/// caller gave them (relative to the lab's data folder), never the server's absolute data root, so it can be shown to
/// anyone. An <see cref="ArgumentException"/>, because the path is an argument the caller chose.
/// </summary>
public sealed class LabPathException(LabPathProblem problem, string message) : ArgumentException(message)
{
    public LabPathProblem Problem { get; } = problem;
}
