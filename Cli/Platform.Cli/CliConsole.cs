namespace Platform.Cli;

/// <summary>
/// Where the tool writes and what it reads from its environment. The process uses the real console and
/// environment; tests pass writers and variables of their own, so runs never share state.
/// </summary>
/// <remarks>Interactive: standard output is a terminal, so progress bars redraw in place (otherwise plain lines).</remarks>
public sealed record CliConsole(TextWriter Out, TextWriter Error, Func<string, string?> Environment, bool Interactive, string WorkingDirectory)
{
    public static CliConsole System() => new(Console.Out, Console.Error, global::System.Environment.GetEnvironmentVariable,
        !Console.IsOutputRedirected, global::System.Environment.CurrentDirectory);

    /// <summary>A console writing into the given writers, reading only <paramref name="variables"/>.</summary>
    public static CliConsole Captured(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string> variables, string workingDirectory) =>
        new(output, error, name => variables.TryGetValue(name, out var value) ? value : null, false, workingDirectory);
}
