using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;
using Platform.Schema;

namespace Platform.LocalHosting.Postgres;

/// <summary>
/// A private PostgreSQL cluster in a git-ignored folder, listening only on 127.0.0.1 at a fixed port.
/// Every operation is idempotent: starting a running server finds it, initialising an initialised
/// cluster changes nothing. Concurrent starters (parallel test processes) are serialised by a lock file.
/// </summary>
public sealed partial class LocalPostgresServer(LocalPostgresOptions options, Action<string>? log = null)
{
    private readonly Action<string> _log = log ?? (_ => { });

    public LocalPostgresOptions Options => options;

    /// <summary>Installs, initialises and starts the server as needed (with pg_ctl, in the background), creates the platform database and returns its connection string.</summary>
    /// <returns>True in <c>StartedNow</c> when this call started the server (so the caller may stop it later).</returns>
    public async Task<(string ConnectionString, bool StartedNow)> StartAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.DataRoot);
        await using var _ = await FileLock.AcquireAsync(options.LockFile, TimeSpan.FromMinutes(3), cancellationToken);

        var bin = await PostgresBinaries.LocateOrInstallAsync(_log, cancellationToken);
        if (!IsInitialised)
            await InitialiseAsync(bin, password: null, cancellationToken);

        var startedNow = false;
        if (!await IsRunningAsync(bin, cancellationToken))
        {
            await StartServerAsync(bin, cancellationToken);
            startedNow = true;
        }
        else
        {
            _log($"PostgreSQL already running on 127.0.0.1:{options.Port}.");
        }

        await CreateDatabaseIfMissingAsync(options.Database, cancellationToken);
        return (ConnectionString(options.Database), startedNow);
    }

    /// <summary>
    /// Prepares the cluster for a supervisor that runs the server in the foreground (the AppHost's <c>postgres</c>
    /// resource): installs the server programs if missing, initialises the cluster on first use with
    /// <paramref name="password"/> for the superuser, and stops a server that pg_ctl left running on the same folder
    /// (an older start, or tests), so the foreground server can take the folder over.
    /// </summary>
    public async Task PrepareForegroundAsync(string password, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.DataRoot);
        await using var _ = await FileLock.AcquireAsync(options.LockFile, TimeSpan.FromMinutes(3), cancellationToken);

        var bin = await PostgresBinaries.LocateOrInstallAsync(_log, cancellationToken);
        if (!IsInitialised)
            await InitialiseAsync(bin, password, cancellationToken);
        else if (await IsRunningAsync(bin, cancellationToken))
        {
            _log($"A PostgreSQL server started with pg_ctl is running on {options.ClusterDirectory}; stopping it so it runs here instead.");
            await StopAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The program and arguments that run this cluster's server in the foreground until it is signalled (SIGTERM: smart
    /// shutdown, SIGINT: fast), listening on 127.0.0.1 at <see cref="LocalPostgresOptions.Port"/> and logging to stderr.
    /// As root it runs as Debian's <c>postgres</c> account (the server refuses root), through setpriv, which execs it:
    /// signals reach the server itself.
    /// </summary>
    public (string FileName, IReadOnlyList<string> Arguments) ForegroundCommand()
    {
        var postgres = Path.Combine(PostgresBinaries.Locate() ?? PostgresBinaries.DebianDefault, "postgres");
        string[] server = [postgres, "-D", options.ClusterDirectory, "-c", $"port={options.Port}", "-c", "listen_addresses=127.0.0.1"];
        return OperatingSystemUser.ServerAccount is { } account
            ? ("setpriv", [$"--reuid={account}", $"--regid={account}", "--init-groups", "--", .. server])
            : (postgres, server[1..]);
    }

    /// <summary>Stops the server if it runs (fast shutdown: open sessions are rolled back, data is kept).</summary>
    public async Task<bool> StopAsync(CancellationToken cancellationToken = default)
    {
        var bin = PostgresBinaries.Locate();
        if (bin is null || !IsInitialised || !await IsRunningAsync(bin, cancellationToken))
            return false;

        var result = await ProcessRunner.RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", options.ClusterDirectory, "-m", "fast", "-w", "-t", "60", "stop"], OperatingSystemUser.ServerAccount, cancellationToken);
        if (!result.Succeeded)
            throw new LocalPostgresException($"pg_ctl stop failed (exit {result.ExitCode}): {result.Output}");
        // Pooled connections to a stopped server are dead; drop them so a later start is usable at once.
        NpgsqlConnection.ClearAllPools();
        _log("PostgreSQL stopped.");
        return true;
    }

    public bool IsInitialised => File.Exists(Path.Combine(options.ClusterDirectory, "PG_VERSION"));

    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken = default) =>
        PostgresBinaries.Locate() is { } bin && IsInitialised && await IsRunningAsync(bin, cancellationToken);

    public string ConnectionString(string database)
    {
        var password = File.Exists(options.PasswordFile)
            ? File.ReadAllText(options.PasswordFile).Trim()
            : throw new LocalPostgresException($"No credentials at {options.PasswordFile}: the cluster has not been initialised; start it first.");
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = options.Port,
            Database = database,
            Username = options.User,
            Password = password,
        }.ConnectionString;
    }

    /// <summary>Creates a database (used by tests for isolated databases). The name must be a plain lower-case identifier.</summary>
    public async Task CreateDatabaseIfMissingAsync(string database, CancellationToken cancellationToken = default)
    {
        ValidateDatabaseName(database);
        if (await DatabaseSetup.EnsureDatabaseAsync(ConnectionString(database), cancellationToken))
            _log($"Created database '{database}'.");
    }

    public async Task DropDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        ValidateDatabaseName(database);
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void ValidateDatabaseName(string database)
    {
        if (!DatabaseName().IsMatch(database))
            throw new ArgumentException($"Database name '{database}' must be a lower-case identifier (a-z, 0-9, _; at most 63 characters).", nameof(database));
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    private async Task<bool> IsRunningAsync(string bin, CancellationToken cancellationToken)
    {
        // pg_ctl status: 0 running, 3 not running, 4 no usable data directory.
        var result = await ProcessRunner.RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", options.ClusterDirectory, "status"], OperatingSystemUser.ServerAccount, cancellationToken);
        return result.ExitCode == 0;
    }

    private async Task InitialiseAsync(string bin, string? password, CancellationToken cancellationToken)
    {
        _log($"Initialising a PostgreSQL cluster in {options.ClusterDirectory}.");
        var account = OperatingSystemUser.ServerAccount;
        Directory.CreateDirectory(options.ClusterDirectory);
        if (Directory.EnumerateFileSystemEntries(options.ClusterDirectory).Any())
            throw new LocalPostgresException($"{options.ClusterDirectory} is not empty but holds no cluster (no PG_VERSION); move it away and start again.");

        if (account is not null)
        {
            ServerAccountAccess.EnsureTraversable(options.ClusterDirectory, _log);
            await ServerAccountAccess.ChownAsync(options.ClusterDirectory, account, cancellationToken);
        }

        password ??= NewPassword();
        var passwordForInitdb = Path.Combine(Path.GetTempPath(), $"platform-pg-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordForInitdb, password, cancellationToken);
        File.SetUnixFileMode(passwordForInitdb, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            if (account is not null)
                await ServerAccountAccess.ChownAsync(passwordForInitdb, account, cancellationToken);

            var result = await ProcessRunner.RunAsync(Path.Combine(bin, "initdb"),
                ["-D", options.ClusterDirectory, "-U", options.User, $"--pwfile={passwordForInitdb}",
                 "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"],
                account, cancellationToken);
            if (!result.Succeeded)
                throw new LocalPostgresException($"initdb failed (exit {result.ExitCode}): {result.Output}");
        }
        finally
        {
            File.Delete(passwordForInitdb);
        }

        // Our settings go in a file of their own, included last, so the generated postgresql.conf stays untouched.
        var settings = $"""
            # Written by Platform.LocalPostgres: a private server reachable only from this machine.
            listen_addresses = '127.0.0.1'
            port = {options.Port}
            unix_socket_directories = ''
            max_connections = 300
            shared_buffers = 256MB
            logging_collector = off
            log_min_messages = warning
            """;
        await File.AppendAllTextAsync(Path.Combine(options.ClusterDirectory, "postgresql.conf"), "\n" + settings + "\n", cancellationToken);

        await File.WriteAllTextAsync(options.PasswordFile, password, cancellationToken);
        File.SetUnixFileMode(options.PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>24 random bytes as letters and digits: safe in a connection string and in SQL without quoting.</summary>
    public static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', 'x').Replace('/', 'y').TrimEnd('=');

    private async Task StartServerAsync(string bin, CancellationToken cancellationToken)
    {
        _log($"Starting PostgreSQL on 127.0.0.1:{options.Port}.");
        var logFile = Path.Combine(options.ClusterDirectory, "server.log");
        var result = await ProcessRunner.RunAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", options.ClusterDirectory, "-l", logFile, "-w", "-t", "120", "start"],
            OperatingSystemUser.ServerAccount, cancellationToken);
        if (!result.Succeeded)
        {
            var tail = File.Exists(logFile) ? string.Join('\n', File.ReadLines(logFile).TakeLast(15)) : "(no server log)";
            throw new LocalPostgresException($"pg_ctl start failed (exit {result.ExitCode}): {result.Output}\nServer log ({logFile}):\n{tail}");
        }
    }
}
