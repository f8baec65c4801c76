namespace Platform.Cli.Output;

/// <summary>
/// Where a command's results go: with --json exactly one JSON document on standard output, otherwise text for
/// people. Progress and failures never mix into the JSON document.
/// </summary>
public sealed class CommandOutput(CliConsole console, bool json)
{
    public bool Json => json;

    public TextWriter Out => console.Out;

    /// <summary>The command's result: <paramref name="document"/> with --json, else what <paramref name="text"/> writes.</summary>
    public void Result<T>(T document, Action<TextWriter> text)
    {
        if (json)
            console.Out.WriteLine(CliJson.Serialize(document));
        else
            text(console.Out);
    }

    /// <summary>A line for people (skipped with --json).</summary>
    public void Note(string line)
    {
        if (!json)
            console.Out.WriteLine(line);
    }

    public void Failure(string message) => console.Error.WriteLine($"error: {message}");

    /// <summary>A progress display for long work: a bar on a terminal, plain lines otherwise, nothing with --json.</summary>
    public ProgressDisplay Progress(string label) => new(json ? TextWriter.Null : console.Out, label, console.Interactive && !json);
}
