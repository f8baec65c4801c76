using System.CommandLine;
using Platform.Cli.Connection;
using Platform.Cli.Engine;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform score &lt;predictions&gt; &lt;labels&gt;</c>: Dice, HD95, surface Dice, lesion-wise Dice and lesion F1 per
/// case and label, and per label their means (lesion F1 also pooled over cases); needs no cluster.
/// </summary>
public static class ScoreCommand
{
    public static Command Create(CliConsole console)
    {
        var predictions = new Argument<string>("predictions-folder") { Description = "Predicted label maps ({case}.nii.gz)." };
        var labels = new Argument<string>("labels-folder") { Description = "Reference label maps, matched to predictions by case name." };
        var only = new Option<int[]>("--label") { Description = "Score these labels (repeatable; default: every label the references contain)." };
        var command = new Command("score", "Score predictions against reference labels in native space (exit 1 when a case could not be scored).") { predictions, labels, only };
        command.SetAction((parse, ct) => CommandRunner.RunLocalAsync(parse, console, ct, (output, _) =>
        {
            var summary = FolderScoring.Score(
                Path.GetFullPath(parse.GetValue(predictions)!, console.WorkingDirectory),
                Path.GetFullPath(parse.GetValue(labels)!, console.WorkingDirectory),
                parse.GetValue(only) is { Length: > 0 } chosen ? chosen : null);
            output.Result(summary, w =>
            {
                foreach (var c in summary.Cases)
                    w.WriteLine(c.Error is null
                        ? $"{c.CaseId,-24} {string.Join("  ", c.Labels.Select(l => FormattableString.Invariant(
                            $"label {l.Label} Dice {l.Dice:F3} HD95 {l.Hd95Mm:F2} mm surface Dice {l.SurfaceDice:F3} lesion Dice {l.LesionDice:F3} lesion F1 {l.LesionF1:F3}")))}"
                        : $"{c.CaseId,-24} not scored: {c.Error}");
                foreach (var m in summary.MeanPerLabel)
                {
                    w.WriteLine(FormattableString.Invariant(
                        $"mean label {m.Label}: Dice {m.MeanDice:F3} over {m.Cases} case(s), HD95 {m.MeanHd95Mm:F2} mm, surface Dice {m.MeanSurfaceDice:F3}, lesion Dice {m.MeanLesionDice:F3}, lesion F1 {m.MeanLesionF1:F3} (pooled {m.PooledLesionF1:F3} over {m.ReferenceLesions} lesion(s))"));
                }

                w.WriteLine(FormattableString.Invariant($"surface Dice tolerance {summary.SurfaceDiceToleranceMm:0.###} mm; lesions are 26-connected components, detected by any overlap"));
            });
            return Task.FromResult(summary.Cases.Any(c => c.Error is not null) ? ExitCodes.Unexpected : ExitCodes.Ok);
        }));
        return command;
    }
}
