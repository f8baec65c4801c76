using System.Diagnostics;
using System.Globalization;
using Platform.LocalHosting.Postgres;

namespace Platform.Testing;

/// <summary>
/// A PostgreSQL cluster of one test's own, in a temporary folder on a free port: for tests that stop, kill or
/// restart the server, which the shared test server (<see cref="TestPostgres"/>) must never be. Disposing stops it
/// and deletes its folder.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"platform-pg-private-{Guid.NewGuid():N}");

    public PrivatePostgres(string database = "platform_test") =>
        Server = new LocalPostgresServer(new LocalPostgresOptions(_root, FreePorts.Next(), Database: database));

    public LocalPostgresServer Server { get; }

    /// <summary>
    /// SIGKILL to the postmaster and every backend, as an out-of-memory kill or a lost machine would: no shutdown
    /// checkpoint, so the next start runs crash recovery.
    /// </summary>
    public void Kill()
    {
        var pid = int.Parse(File.ReadLines(Path.Combine(Server.Options.ClusterDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        using var postmaster = Process.GetProcessById(pid);
        postmaster.Kill(entireProcessTree: true);
        postmaster.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync();
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }
}
