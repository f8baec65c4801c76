using System.CommandLine;
using Platform.Cli.Connection;
using Platform.Cli.Output;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform results export &lt;run&gt; --format csv|json</c>: a run's scores per validation case and label
/// (overlap, HD95, surface Dice, lesion-wise Dice and lesion detection; see <see cref="ScoreExport"/>), or a classification or
/// regression run's prediction per validation case beside its target (<see cref="TargetExport"/>).
/// </summary>
public static class ResultsCommands
{
    public static Command Create(CliConsole console)
    {
        var results = new Command("results", "Export a run's evaluation.");
        results.Add(ExportCommand(console));
        return results;
    }

    private static Command ExportCommand(CliConsole console)
    {
        var project = CommonOptions.Project();
        var run = new Argument<string>("run") { Description = "Run id." };
        var format = new Option<string>("--format", "-f") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var file = CommonOptions.OutputFile();
        var command = new Command("export", "Write a completed run's scores per validation case and label (Dice, IoU, confusion counts, HD95, surface Dice, lesion-wise Dice and lesion F1), or a classification or regression run's prediction per case beside its target.") { project, run, format, file };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var (grain, snapshot) = await RunsCommands.RequireRunAsync(session, ProjectLookup.Title(parse.GetValue(project), console), parse.GetValue(run)!);
            bool json = parse.GetValue(format) == "json";
            string content;
            int rows;
            if (await grain.GetTargetResultsAsync() is { } targets)
            {
                content = json ? TargetExport.Json(targets) : TargetExport.Csv(targets);
                rows = targets.Cases.Count;
            }
            else
            {
                var scores = await grain.GetScoresAsync();
                content = json ? ScoreExport.Json(scores) : ScoreExport.Csv(scores);
                rows = scores.Count;
            }

            if (parse.GetValue(file) is not { } f)
            {
                output.Out.Write(content);
                if (rows == 0)
                    console.Error.WriteLine($"note: run {snapshot.RunId} has no scores ({snapshot.State}); scores appear when a run completes.");
                return ExitCodes.Ok;
            }

            var path = Path.GetFullPath(f, console.WorkingDirectory);
            await File.WriteAllTextAsync(path, content, token);
            output.Result(new { file = path, scores = rows }, w => w.WriteLine($"Wrote {rows} scores to {path}."));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
