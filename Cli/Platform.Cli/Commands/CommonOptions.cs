using System.CommandLine;

namespace Platform.Cli.Commands;

/// <summary>Options several commands share (a new instance per command).</summary>
public static class CommonOptions
{
    public static Option<string?> Project() => new("--project", "-p")
    {
        Description = "Project title (env PLATFORM_PROJECT).",
    };

    public static Option<string?> OutputFile() => new("--output", "-o")
    {
        Description = "Write to this file instead of standard output.",
    };

    public static Option<bool> Wait(string what) => new("--wait")
    {
        Description = $"Follow {what} until it ends (exit 6 when it fails or is cancelled).",
    };

    public static Option<double> Interval() => new("--interval")
    {
        Description = "Seconds between progress polls.",
        DefaultValueFactory = _ => 1.0,
    };
}
