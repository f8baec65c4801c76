using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Training;
using Platform.LocalHosting.Postgres;

namespace Platform.Cli.Engine;

/// <summary>
/// Where a run's or a cross-validation's model package lies. The paths the silos record are relative to the platform's
/// work root (Platform:Storage:WorkRoot), so the tool needs the same folder: --work-root, PLATFORM_WORK_ROOT, or the
/// local deployment's .data/work of the checkout. A machine with only a package (a folder or a zip) needs none of this.
/// </summary>
public static class PackageLocator
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
            throw CliException.Usage("Say where the platform's work root is (--work-root or PLATFORM_WORK_ROOT): model packages are stored relative to it.");
        }
    }

    /// <summary>The package of a completed run.</summary>
    public static string Of(RunSnapshot run, string workRoot) =>
        Existing(run.Result?.Package ?? throw CliException.NotFound(run.State == RunState.Completed
            ? $"Run {run.RunId} completed before model packages existed: train it again to get one."
            : $"Run {run.RunId} has no model package yet ({run.State}); it gets one when it completes."), workRoot, $"Run {run.RunId}");

    /// <summary>The ensemble package of a completed cross-validation.</summary>
    public static string Of(CrossValidationSnapshot crossValidation, string workRoot) =>
        Existing(crossValidation.Result?.Package ?? throw CliException.NotFound(crossValidation.State == CrossValidationState.Completed
            ? $"Cross-validation '{crossValidation.Name}' completed before model packages existed."
            : $"Cross-validation '{crossValidation.Name}' has no model package yet ({crossValidation.State}); it gets one when it completes."),
            workRoot, $"Cross-validation '{crossValidation.Name}'");

    private static string Existing(string recorded, string workRoot, string owner)
    {
        var path = Path.IsPathRooted(recorded) ? recorded : Path.Combine(workRoot, recorded);
        return Directory.Exists(path)
            ? path
            : throw CliException.NotFound($"{owner}'s model package {path} is not here. Give the platform's work root with --work-root (or PLATFORM_WORK_ROOT), or export it on a machine that has it ('platform model export') and pass --package.");
    }
}
