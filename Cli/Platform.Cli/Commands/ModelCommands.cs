using System.CommandLine;
using Platform.Cli.Connection;
using Platform.Training.Packaging;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform model export (--run ID | --cross-validation NAME) --output FILE.zip</c>: a run's or a cross-validation's
/// model package as one zip file, verified, for a machine that has only the tool (<c>platform predict --package</c>).
/// </summary>
public static class ModelCommands
{
    public static Command Create(CliConsole console)
    {
        var model = new Command("model", "Trained models as self-describing packages (weights, plan, preprocessing, postprocessing, inference settings).");
        model.Add(ExportCommand(console));
        return model;
    }

    private static Command ExportCommand(CliConsole console)
    {
        var selection = new ModelSelection();
        var output = new Option<string>("--output", "-o") { Description = "The zip file to write.", Required = true };
        var command = new Command("export", "Write a run's or a cross-validation's model package as one zip file.") { output };
        selection.AddTo(command);
        command.Validators.Add(result =>
        {
            if (selection.Count(result) != 1)
                result.AddError("Name the model: --run ID or --cross-validation NAME (one of them).");
        });
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, result, _) =>
        {
            var package = await selection.ResolveAsync(session, parse, console);
            var zip = Path.GetFullPath(parse.GetValue(output)!, console.WorkingDirectory);
            var manifest = ModelPackage.Export(package, zip);
            result.Result(new { package, zip, manifest.Source, members = manifest.Members }, w =>
                w.WriteLine($"Model package of plan '{manifest.Source.PlanName}' ({manifest.Members.Count} member(s)) written to {zip}."));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
