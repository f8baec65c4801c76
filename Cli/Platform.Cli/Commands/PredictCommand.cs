using System.CommandLine;
using Platform.Cli.Connection;
using Platform.Cli.Output;
using Platform.Plans.Tasks;
using Platform.Preprocessing.Cases;
using Platform.Training.Packaging;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform predict &lt;input&gt; &lt;output&gt; (--package FOLDER|ZIP | --run ID | --cross-validation NAME)</c>: segments a
/// folder of images in this process with a model package (an ensemble averages its members' probabilities), with the
/// package's preprocessing, inference settings and postprocessing, writing NIfTI label maps in each input's geometry.
/// With --package nothing else is needed: no cluster, no work root. --run and --cross-validation find the package
/// through the cluster.
/// </summary>
public static class PredictCommand
{
    public static Command Create(CliConsole console)
    {
        var selection = new ModelSelection();
        var input = new Argument<string>("input-folder") { Description = "Images: {case}.nii.gz, or {case}_0000.nii.gz ... per channel." };
        var outputFolder = new Argument<string>("output-folder") { Description = "Where {case}.nii.gz label maps are written." };
        var package = new Option<string?>("--package") { Description = "A model package folder or .zip ('platform model export'); needs no cluster." };
        var imported = new Option<string?>("--imported-labels")
        {
            Description = "Folder of imported label maps named by case ({case}.nii.gz): the localiser an lbd model crops around (e.g. another model's predictions).",
        };
        var mirror = new Option<bool>("--mirror") { Description = "Test-time mirroring over the axes the model trained with, whatever its plan says (8x slower in 3D)." };
        var noMirror = new Option<bool>("--no-mirror") { Description = "No test-time mirroring, whatever the model's plan says." };
        var step = new Option<double?>("--step") { Description = "Sliding-window step as a fraction of the patch, in (0, 1] (default: the plan's, 0.5 in nnU-Net)." };
        var command = new Command("predict", "Segment a folder of images with a model package, in this process (exit 1 when a case failed).")
            { input, outputFolder, package, imported, mirror, noMirror, step };
        selection.AddTo(command);
        command.Validators.Add(result =>
        {
            var models = selection.Count(result) + (result.GetValue(package) is null ? 0 : 1);
            if (models != 1)
                result.AddError("Name the model: --package FOLDER|ZIP, --run ID or --cross-validation NAME (one of them).");
            if (result.GetValue(mirror) && result.GetValue(noMirror))
                result.AddError("--mirror and --no-mirror contradict each other.");
            if (result.GetValue(step) is { } s && !(s > 0 && s <= 1))
                result.AddError("--step is a fraction of the patch in (0, 1].");
        });
        command.SetAction((parse, ct) =>
        {
            var request = new PredictionRequest(
                Path.GetFullPath(parse.GetValue(input)!, console.WorkingDirectory),
                Path.GetFullPath(parse.GetValue(outputFolder)!, console.WorkingDirectory),
                parse.GetValue(imported) is { } folder ? Path.GetFullPath(folder, console.WorkingDirectory) : null,
                new PredictionOverrides(parse.GetValue(mirror) ? true : parse.GetValue(noMirror) ? false : null, parse.GetValue(step)));
            return parse.GetValue(package) is { } given
                ? CommandRunner.RunLocalAsync(parse, console, ct, (output, token) =>
                    Task.FromResult(Predict(Path.GetFullPath(given, console.WorkingDirectory), request, output, token)))
                : CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
                    Predict(await selection.ResolveAsync(session, parse, console), request, output, token));
        });
        return command;
    }

    private sealed record PredictionRequest(string Input, string Output, string? ImportedLabels, PredictionOverrides Overrides);

    private static int Predict(string package, PredictionRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(request.Input))
            throw CliException.Usage($"Input folder {request.Input} does not exist.");
        if (request.ImportedLabels is { } imported && !Directory.Exists(imported))
            throw CliException.Usage($"Imported-labels folder {imported} does not exist.");
        if (ModelPackage.Load(package, (_, manifest) => manifest.Task) is var task && !task.HasLabelMaps())
            return PredictTargets(package, request, output, cancellationToken);
        using var predictor = PackagePredictor.Open(package, request.Overrides);
        var manifest = predictor.Manifest;
        var window = predictor.Settings.SlidingWindow;
        if (manifest.Preprocessing.Mode == CaseMode.Lbd && request.ImportedLabels is null)
            output.Note("This model crops each image around a localiser's label map (lbd): give the maps with --imported-labels FOLDER ({case}.nii.gz).");
        var progress = output.Progress("predict");
        progress.Report(0, 0, $"{manifest.Members.Count} model(s) of plan '{manifest.Source.PlanName}', cases of {request.Input}");
        var report = predictor.PredictFolder(request.Input, request.Output, request.ImportedLabels, cancellationToken);
        progress.Done();

        var document = new
        {
            package,
            plan = manifest.Source.PlanName,
            members = manifest.Members.Count,
            mirrorAxes = window.MirrorAxes,
            stepFraction = window.StepFraction,
            postprocessing = manifest.Postprocessing,
            output = request.Output,
            cases = report.Cases,
        };
        output.Result(document, w =>
        {
            foreach (var c in report.Cases)
                w.WriteLine(c.Succeeded ? $"{c.CaseId}: {c.OutputPath}" : $"{c.CaseId}: FAILED {c.Error}");
            w.WriteLine($"{report.Cases.Count(c => c.Succeeded)} of {report.Cases.Count} cases predicted into {request.Output}.");
        });
        return report.Failed.Any() || report.Cases.Count == 0 ? ExitCodes.Unexpected : ExitCodes.Ok;
    }

    /// <summary>A classification or regression package: every case of the folder into one <c>predictions.csv</c>.</summary>
    private static int PredictTargets(string package, PredictionRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        using var predictor = TargetPackagePredictor.Open(package);
        var manifest = predictor.Manifest;
        var progress = output.Progress("predict");
        progress.Report(0, 0, $"{manifest.Members.Count} {manifest.Task} model(s) of plan '{manifest.Source.PlanName}', cases of {request.Input}");
        var report = predictor.PredictFolder(request.Input, request.Output, cancellationToken);
        progress.Done();
        var document = new
        {
            package,
            task = manifest.Task,
            plan = manifest.Source.PlanName,
            members = manifest.Members.Count,
            classes = predictor.ClassNames,
            output = report.CsvPath,
            cases = report.Cases,
        };
        output.Result(document, w =>
        {
            foreach (var c in report.Cases)
                w.WriteLine(c.Prediction is { } p
                    ? p.Class is int k ? $"{c.CaseId}: {predictor.ClassNames[k]} (p {p.Probabilities[k]:0.00})" : $"{c.CaseId}: {p.Value:G4}"
                    : $"{c.CaseId}: FAILED {c.Error}");
            w.WriteLine($"{report.Cases.Count(c => c.Succeeded)} of {report.Cases.Count} cases predicted into {report.CsvPath}.");
        });
        return report.Failed.Any() || report.Cases.Count == 0 ? ExitCodes.Unexpected : ExitCodes.Ok;
    }
}
