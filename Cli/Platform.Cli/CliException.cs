namespace Platform.Cli;

/// <summary>A failure the tool reports itself: a message saying what to do and the exit code scripts see.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException NotFound(string message) => new(ExitCodes.NotFound, message);

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);
}
