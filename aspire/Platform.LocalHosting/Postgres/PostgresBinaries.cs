namespace Platform.LocalHosting.Postgres;

/// <summary>Finds Debian's PostgreSQL server programs (postgresql-NN puts them in /usr/lib/postgresql/NN/bin), installing the package when missing.</summary>
internal static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>Where Debian 12's postgresql package puts them; named before it is installed.</summary>
    public const string DebianDefault = "/usr/lib/postgresql/15/bin";

    public static string? Locate()
    {
        if (!Directory.Exists(DebianRoot))
            return null;

        return Directory.GetDirectories(DebianRoot)
            .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
            .Where(x => x.version > 0 && File.Exists(Path.Combine(x.dir, "bin", "pg_ctl")) && File.Exists(Path.Combine(x.dir, "bin", "initdb")))
            .OrderByDescending(x => x.version)
            .Select(x => Path.Combine(x.dir, "bin"))
            .FirstOrDefault();
    }

    public static async Task<string> LocateOrInstallAsync(Action<string> log, CancellationToken cancellationToken)
    {
        if (Locate() is { } found)
            return found;

        log("PostgreSQL server not found; installing Debian's 'postgresql' package.");
        var (file, args) = OperatingSystemUser.IsRoot
            ? ("apt-get", new List<string>())
            : ("sudo", new List<string> { "-n", "apt-get" });
        args.AddRange(["install", "-y", "--no-install-recommends", "-o", "Dpkg::Options::=--force-confold", "postgresql"]);

        Environment.SetEnvironmentVariable("DEBIAN_FRONTEND", "noninteractive");
        var result = await ProcessRunner.RunAsync(file, args, cancellationToken: cancellationToken);
        if (!result.Succeeded)
            throw new LocalPostgresException($"Installing PostgreSQL failed (exit {result.ExitCode}); run 'apt-get install postgresql' as root. Output:\n{result.Output}");

        return Locate() ?? throw new LocalPostgresException($"PostgreSQL was installed but no server programs were found under {DebianRoot}.");
    }
}
