using System.CommandLine;
using Platform.Cli.Connection;
using Platform.Cli.Engine;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;

namespace Platform.Cli.Commands;

/// <summary>
/// "Which model" as the commands that read one from the platform take it: a run's package or a cross-validation's
/// ensemble package, found through the cluster and the work root (<see cref="PackageLocator"/>).
/// </summary>
public sealed class ModelSelection
{
    public Option<string?> Project { get; } = CommonOptions.Project();

    public Option<string?> Run { get; } = new("--run") { Description = "The model package of this completed run (its fold's model)." };

    public Option<string?> CrossValidation { get; } = new("--cross-validation") { Description = "The ensemble package of this completed cross-validation (every fold)." };

    public Option<string?> WorkRoot { get; } = new("--work-root") { Description = "The platform's work root, where packages lie (env PLATFORM_WORK_ROOT)." };

    public void AddTo(Command command)
    {
        command.Add(Project);
        command.Add(Run);
        command.Add(CrossValidation);
        command.Add(WorkRoot);
    }

    /// <summary>How many of --run and --cross-validation were given.</summary>
    public int Count(System.CommandLine.Parsing.CommandResult result) => (result.GetValue(Run) is null ? 0 : 1) + (result.GetValue(CrossValidation) is null ? 0 : 1);

    /// <summary>The package folder of the run or cross-validation the options name.</summary>
    public async Task<string> ResolveAsync(PlatformSession session, ParseResult parse, CliConsole console)
    {
        var title = ProjectLookup.Title(parse.GetValue(Project), console);
        await ProjectLookup.RequireAsync(session, title);
        var root = PackageLocator.WorkRoot(parse.GetValue(WorkRoot), console);
        if (parse.GetValue(Run) is { } runId)
            return PackageLocator.Of((await RunsCommands.RequireRunAsync(session, title, runId)).Snapshot, root);
        var name = parse.GetValue(CrossValidation)!;
        var snapshot = await session.Grains.GetGrain<ICrossValidationGrain>(GrainKeys.CrossValidation(session.Lab, title, name)).GetAsync()
            ?? throw CliException.NotFound($"Cross-validation '{name}' does not exist in project '{title}'.");
        return PackageLocator.Of(snapshot, root);
    }
}
