namespace Platform.LocalHosting.Postgres;

/// <summary>Where the private cluster lives and how it is reached.</summary>
/// <param name="DataRoot">Git-ignored folder that holds the cluster (<c>postgres/</c>), its credentials and lock file.</param>
/// <param name="Port">Fixed, non-default port on 127.0.0.1 (5432 is left to a system server).</param>
/// <param name="Database">Database the platform uses.</param>
/// <param name="User">Superuser created by initdb; the platform connects as this role over TCP with a password.</param>
public sealed record LocalPostgresOptions(string DataRoot, int Port = LocalPostgresOptions.DefaultPort, string Database = "platform", string User = "platform")
{
    public const int DefaultPort = 54329;

    public string ClusterDirectory => Path.Combine(DataRoot, "postgres");
    public string PasswordFile => Path.Combine(DataRoot, "postgres.password");
    public string LogFile => Path.Combine(DataRoot, "postgres.log");
    public string LockFile => Path.Combine(DataRoot, "postgres.lock");

    /// <summary>Walks up from <paramref name="start"/> to the folder that holds Platform.sln.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException($"No Platform.sln found above '{start}'.");
    }
}
