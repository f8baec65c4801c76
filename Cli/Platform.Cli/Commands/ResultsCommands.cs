using System.CommandLine;
using System.Globalization;
using System.Text;
using Platform.Cli.Connection;
using Platform.Cli.Output;
using Platform.Grains.Abstractions.Results;

namespace Platform.Cli.Commands;

/// <summary><c>platform results export &lt;run&gt; --format csv|json</c>: a run's Dice per validation case and label.</summary>
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
        var command = new Command("export", "Write a completed run's scores (Dice, IoU and confusion counts per validation case and label).") { project, run, format, file };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var (grain, snapshot) = await RunsCommands.RequireRunAsync(session, ProjectLookup.Title(parse.GetValue(project), console), parse.GetValue(run)!);
            var scores = await grain.GetScoresAsync();
            var content = parse.GetValue(format) == "json" ? CliJson.Serialize(scores) : Csv(scores);
            if (parse.GetValue(file) is not { } f)
            {
                output.Out.Write(content);
                if (scores.Count == 0)
                    console.Error.WriteLine($"note: run {snapshot.RunId} has no scores ({snapshot.State}); scores appear when a run completes.");
                return ExitCodes.Ok;
            }

            var path = Path.GetFullPath(f, console.WorkingDirectory);
            await File.WriteAllTextAsync(path, content, token);
            output.Result(new { file = path, scores = scores.Count }, w => w.WriteLine($"Wrote {scores.Count} scores to {path}."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static string Csv(IEnumerable<CaseScore> scores)
    {
        var csv = new StringBuilder("case,label,dice,iou,true_positives,false_positives,false_negatives,predicted_voxels,reference_voxels\n");
        foreach (var s in scores)
            csv.Append(CultureInfo.InvariantCulture, $"{s.CaseId},{s.Label},{s.Dice:R},{s.IoU:R},{s.TruePositives},{s.FalsePositives},{s.FalseNegatives},{s.PredictedVoxels},{s.ReferenceVoxels}\n");
        return csv.ToString();
    }
}
