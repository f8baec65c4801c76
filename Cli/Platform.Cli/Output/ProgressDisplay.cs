using System.Globalization;

namespace Platform.Cli.Output;

/// <summary>
/// Shows how far long work got. On a terminal it redraws one bar in place; otherwise (a pipe, a log file) it
/// writes a plain line whenever the figures change, so logs stay readable.
/// </summary>
public sealed class ProgressDisplay(TextWriter writer, string label, bool interactive)
{
    private const int BarWidth = 30;
    private string? _last;

    public void Report(double done, double total, string detail)
    {
        var line = total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{label}: {done:0}/{total:0} {detail}")
            : $"{label}: {detail}";
        if (line == _last)
            return;
        _last = line;
        if (!interactive)
        {
            writer.WriteLine(line);
            return;
        }

        var fraction = total > 0 ? Math.Clamp(done / total, 0, 1) : 0;
        var filled = (int)Math.Round(fraction * BarWidth);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('.', BarWidth - filled)}] {fraction,4:P0} {line}").PadRight(100));
    }

    /// <summary>Ends the bar's line on a terminal, so the next output starts on a fresh one.</summary>
    public void Done()
    {
        if (interactive && _last is not null)
            writer.WriteLine();
    }
}
