namespace Platform.Datasources.Paths;

/// <summary>
/// Resolves symbolic links component by component, like realpath(3). <see cref="Path.GetFullPath(string)"/>
/// only normalises text, so a link inside the root that points elsewhere would pass a textual prefix check.
/// </summary>
public static class RealPath
{
    private const int MaxLinkHops = 40;

    /// <summary>The path with every link in it followed; components that do not exist are kept as written.</summary>
    public static string Of(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var hops = 0;
        return Of(path, ref hops);
    }

    // The hop count is shared with nested resolutions so a link cycle ends in an error, not a stack overflow.
    private static string Of(string path, ref int hops)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var segment in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(candidate) ? new DirectoryInfo(candidate) : new FileInfo(candidate);
            while (info.Exists && info.LinkTarget is { } target)
            {
                if (++hops > MaxLinkHops)
                    throw new IOException($"Too many levels of symbolic links resolving '{path}'.");
                candidate = Path.GetFullPath(target, Path.GetDirectoryName(candidate) ?? root);
                candidate = Of(candidate, ref hops);
                info = Directory.Exists(candidate) ? new DirectoryInfo(candidate) : new FileInfo(candidate);
            }

            current = candidate;
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or lies below it (both real paths).</summary>
    public static bool IsUnder(string path, string root)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(root);
        var trimmed = root.TrimEnd(Path.DirectorySeparatorChar);
        return path == trimmed || path.StartsWith(trimmed + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
