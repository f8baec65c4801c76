using Platform.Grains.Abstractions.Training;
using Platform.LocalHosting.Postgres;

namespace Platform.Cli.Engine;

/// <summary>
/// Where a run's model lies. Checkpoint paths the silos record are relative to the platform's work root
/// (Platform:Storage:WorkRoot), so the tool needs the same folder: --work-root, PLATFORM_WORK_ROOT, or the local
/// deployment's .data/work of the checkout.
/// </summary>
public static class CheckpointLocator
{
    public static string WorkRoot(string? given, CliConsole console)
    {
        if ((given ?? console.Environment("PLATFORM_WORK_ROOT")) is { } root)
            return Path.GetFullPath(root, console.WorkingDirectory);
        try
        {
            return Path.Combine(LocalPostgresOptions.FindRepositoryRoot(console.WorkingDirectory), ".data", "work");
        }
        catch (DirectoryNotFoundException)
        {
            throw CliException.Usage("Say where the platform's work root is (--work-root or PLATFORM_WORK_ROOT): run checkpoints are stored relative to it.");
        }
    }

    /// <summary>The run's final checkpoint, else its last one.</summary>
    public static string Of(RunSnapshot run, string workRoot)
    {
        var recorded = run.Result?.FinalCheckpoint ?? run.LastCheckpoint?.Path
            ?? throw CliException.NotFound($"Run {run.RunId} has no checkpoint yet ({run.State}); predict once it has trained.");
        var path = Path.IsPathRooted(recorded) ? recorded : Path.Combine(workRoot, recorded);
        return File.Exists(path)
            ? path
            : throw CliException.NotFound($"Run {run.RunId}'s checkpoint {path} is not here. Give the platform's work root with --work-root (or PLATFORM_WORK_ROOT), or copy the checkpoint and pass --checkpoint.");
    }
}
