using Platform.LocalHosting.Postgres;

namespace Platform.Testing;

/// <summary>Where things are in the checkout the tests run from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = LocalPostgresOptions.FindRepositoryRoot(AppContext.BaseDirectory);

    /// <summary>debug or release: the configuration the tests were built in (artifacts/bin/&lt;project&gt;/&lt;configuration&gt;/).</summary>
    public static string BuildConfiguration { get; } = Path.GetFileName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>The built entry assembly of a service project, e.g. Platform.Silo, built in the same configuration as the tests.</summary>
    public static string ServiceAssembly(string project) =>
        Path.Combine(Root, "artifacts", "bin", project, BuildConfiguration, $"{project}.dll");

    /// <summary>A git-ignored folder for files a test leaves for people to look at (screenshots, logs).</summary>
    public static string TestOutput(string area)
    {
        var path = Path.Combine(Root, "test-output", area);
        Directory.CreateDirectory(path);
        return path;
    }
}
