namespace Platform.LocalHosting.Postgres;

/// <summary>When we run as root the cluster belongs to the 'postgres' account, which must be able to reach the data folder.</summary>
internal static class ServerAccountAccess
{
    /// <summary>Grants search (x, not read) permission to others on ancestors that lack it, e.g. a checkout under /root.</summary>
    public static void EnsureTraversable(string directory, Action<string> log)
    {
        for (var dir = new DirectoryInfo(directory).Parent; dir is not null; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if ((mode & UnixFileMode.OtherExecute) != 0)
                continue;

            File.SetUnixFileMode(dir.FullName, mode | UnixFileMode.OtherExecute);
            log($"Granted search permission on {dir.FullName} so the 'postgres' account can reach its data folder.");
        }
    }

    public static async Task ChownAsync(string path, string account, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync("chown", [$"{account}:{account}", path], cancellationToken: cancellationToken);
        if (!result.Succeeded)
            throw new LocalPostgresException($"chown {account} {path} failed: {result.Output}");
    }
}
