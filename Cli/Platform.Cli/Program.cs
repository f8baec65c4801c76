using Platform.Cli;

// The `platform` command: everything lives in PlatformCli so tests can run it in-process.
return await PlatformCli.RunAsync(args, CliConsole.System(), CancellationToken.None);
