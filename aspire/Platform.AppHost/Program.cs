using System.Runtime.InteropServices;
using Platform.AppHost;
using Platform.LocalHosting.Postgres;

var root = LocalPostgresOptions.FindRepositoryRoot(AppContext.BaseDirectory);
var postgres = new LocalPostgresServer(LocalPostgresOptions.ForRepository(root), m => Console.WriteLine($"[postgres] {m}"));

using var stopping = new CancellationTokenSource();
// Ctrl+C and SIGTERM both mean "stop everything I started, cleanly".
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    switch (args)
    {
        case ["postgres", "start"]:
            var (_, started) = await postgres.StartAsync(stopping.Token);
            Console.WriteLine(started ? "PostgreSQL started." : "PostgreSQL was already running.");
            return 0;
        case ["postgres", "stop"]:
            Console.WriteLine(await postgres.StopAsync(stopping.Token) ? "PostgreSQL stopped." : "PostgreSQL was not running.");
            return 0;
        case ["postgres", "status"]:
            var running = await postgres.IsRunningAsync(stopping.Token);
            Console.WriteLine(running ? $"PostgreSQL is running on 127.0.0.1:{postgres.Options.Port}." : "PostgreSQL is stopped.");
            return running ? 0 : 3;
        case ["--help" or "-h"]:
            Console.WriteLine(AppHostOptions.Usage);
            return 0;
        default:
            var options = AppHostOptions.Parse(args is ["up", ..] ? args[1..] : args);
            return await new LocalDeployment(root, options).RunAsync(stopping.Token);
    }
}
catch (Exception e) when (e is LocalPostgresException or ArgumentException or TimeoutException or InvalidOperationException or FileNotFoundException)
{
    Console.Error.WriteLine($"[apphost] {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    return 130;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
