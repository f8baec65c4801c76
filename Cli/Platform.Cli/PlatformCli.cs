using System.CommandLine;
using Platform.Cli.Commands;

namespace Platform.Cli;

/// <summary>The root command and its invocation: parse errors exit 2, everything else exits with the command's code.</summary>
public static class PlatformCli
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand($"""
            platform: drive the segmentation platform's cluster with a lab's service API key.
            Configuration: PLATFORM_CONNECTION, PLATFORM_CLUSTER_ID, PLATFORM_API_KEY or PLATFORM_API_KEY_FILE, PLATFORM_LAB, PLATFORM_WORK_ROOT (or the options below).
            {ExitCodes.Help}
            """);
        foreach (var option in GlobalOptions.All)
            root.Add(option);
        root.Add(ProjectsCommands.Create(console));
        root.Add(DatasourcesCommands.Create(console));
        root.Add(PlansCommands.Create(console));
        root.Add(SplitsCommands.Create(console));
        root.Add(AsparagusCommands.Create(console));
        root.Add(PreprocessCommand.Create(console));
        root.Add(TrainCommand.Create(console));
        root.Add(RunsCommands.Create(console));
        root.Add(PredictCommand.Create(console));
        root.Add(ModelCommands.Create(console));
        root.Add(ScoreCommand.Create(console));
        root.Add(ResultsCommands.Create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var parse = Build(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                await console.Error.WriteLineAsync($"error: {error.Message}");
            await console.Error.WriteLineAsync("See 'platform --help' or 'platform <command> --help'.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
    }
}
