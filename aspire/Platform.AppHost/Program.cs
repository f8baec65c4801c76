using Platform.LocalPostgres;

var root = LocalPostgresOptions.FindRepositoryRoot(AppContext.BaseDirectory);
var postgres = new LocalPostgresServer(LocalPostgresOptions.ForRepository(root), Console.WriteLine);
switch (args)
{
    case ["postgres", "start"]:
        var (cs, started) = await postgres.StartAsync();
        Console.WriteLine(started ? "started" : "running");
        break;
    case ["postgres", "stop"]:
        Console.WriteLine(await postgres.StopAsync() ? "stopped" : "not running");
        break;
    case ["postgres", "status"]:
        Console.WriteLine(await postgres.IsRunningAsync() ? "running" : "stopped");
        break;
}
