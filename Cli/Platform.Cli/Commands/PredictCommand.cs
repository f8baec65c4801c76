using System.CommandLine;
using Platform.Cli.Connection;
using Platform.Cli.Engine;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Projects;
using Platform.Plans;
using Platform.Preprocessing.Fingerprint;
using Platform.Training.Inference;
using Platform.Training.Plans;
using Platform.Training.Workflow;
using static TorchSharp.torch;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform predict &lt;input&gt; &lt;output&gt; (--run ID... | --checkpoint PATH... --plan NAME)</c>: segments a folder
/// of images in this process with one model or an ensemble (mean probabilities), writing NIfTI label maps in each
/// input's geometry. The plan (preprocessing, patch) comes from the cluster; the weights from the checkpoints.
/// </summary>
public static class PredictCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project();
        var input = new Argument<string>("input-folder") { Description = "Images: {case}.nii.gz, or {case}_0000.nii.gz ... per channel." };
        var outputFolder = new Argument<string>("output-folder") { Description = "Where {case}.nii.gz label maps are written." };
        var runs = new Option<string[]>("--run") { Description = "Predict with this run's final model (repeat for an ensemble)." };
        var checkpoints = new Option<string[]>("--checkpoint") { Description = "Predict with this checkpoint file (repeat for an ensemble); needs --plan." };
        var plan = new Option<string?>("--plan") { Description = "Plan the checkpoints were trained with (default: the first run's)." };
        var planVersion = new Option<int?>("--plan-version") { Description = "Plan version (default: the run's, or the latest)." };
        var workRoot = new Option<string?>("--work-root") { Description = "The platform's work root, where run checkpoints lie (env PLATFORM_WORK_ROOT)." };
        var mirror = new Option<bool>("--mirror") { Description = "Test-time mirroring over all axes (8x slower in 3D, usually a little better)." };
        var command = new Command("predict", "Segment a folder of images with a run's model or an ensemble, in this process (exit 1 when a case failed).")
            { project, input, outputFolder, runs, checkpoints, plan, planVersion, workRoot, mirror };
        command.Validators.Add(result =>
        {
            var hasRuns = result.GetValue(runs) is { Length: > 0 };
            var hasCheckpoints = result.GetValue(checkpoints) is { Length: > 0 };
            if (!hasRuns && !hasCheckpoints)
                result.AddError("Give the model: --run ID or --checkpoint PATH (each repeatable for an ensemble).");
            else if (!hasRuns && result.GetValue(plan) is null)
                result.AddError("With --checkpoint, name the plan the checkpoints were trained with (--plan).");
        });
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            await ProjectLookup.RequireAsync(session, title);
            var files = new List<string>();
            string? planName = parse.GetValue(plan);
            var version = parse.GetValue(planVersion);
            var runIds = parse.GetValue(runs) ?? [];
            if (runIds.Length > 0)
            {
                var root = CheckpointLocator.WorkRoot(parse.GetValue(workRoot), console);
                foreach (var id in runIds)
                {
                    var (_, snapshot) = await RunsCommands.RequireRunAsync(session, title, id);
                    planName ??= snapshot.Request.PlanName;
                    version ??= snapshot.Request.PlanName == planName ? snapshot.Request.PlanVersion : null;
                    files.Add(CheckpointLocator.Of(snapshot, root));
                }
            }

            foreach (var file in parse.GetValue(checkpoints) ?? [])
            {
                var path = Path.GetFullPath(file, console.WorkingDirectory);
                files.Add(File.Exists(path) ? path : throw CliException.NotFound($"Checkpoint {path} does not exist."));
            }

            var settings = await SettingsAsync(session, title, planName!, version, parse.GetValue(mirror));
            var inputFolder = Path.GetFullPath(parse.GetValue(input)!, console.WorkingDirectory);
            if (!Directory.Exists(inputFolder))
                throw CliException.Usage($"Input folder {inputFolder} does not exist.");
            var outputPath = Path.GetFullPath(parse.GetValue(outputFolder)!, console.WorkingDirectory);
            var progress = output.Progress("predict");
            progress.Report(0, 0, $"{files.Count} model(s), cases of {inputFolder}");
            var report = Predict(inputFolder, outputPath, files, settings, token);
            progress.Done();

            var document = new { models = files, output = outputPath, cases = report.Cases };
            output.Result(document, w =>
            {
                foreach (var c in report.Cases)
                    w.WriteLine(c.Succeeded ? $"{c.CaseId}: {c.OutputPath}" : $"{c.CaseId}: FAILED {c.Error}");
                w.WriteLine($"{report.Cases.Count(c => c.Succeeded)} of {report.Cases.Count} cases predicted into {outputPath}.");
            });
            return report.Failed.Any() || report.Cases.Count == 0 ? ExitCodes.Unexpected : ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<PredictorSettings> SettingsAsync(PlatformSession session, string project, string plan, int? version, bool mirror)
    {
        var snapshot = await TrainCommand.PlanVersionAsync(session, project, plan, version);
        var usesCt = snapshot.Settings.Preprocessing.Normalization.Contains(NormalizationScheme.CT);
        // The statistics the plan version was configured (and trained) with, never the current data's.
        var projectGrain = session.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(session.Lab, project));
        var fingerprint = !usesCt ? null
            : snapshot.FingerprintId is { } id ? await projectGrain.GetStoredFingerprintAsync(id)
            : await projectGrain.GetFingerprintAsync(snapshot.Settings.Data.Datasources is { Count: > 0 } d ? d : null);
        var channels = fingerprint?.Channels.Select(c => new ChannelFingerprint(c.Channel, c.Voxels, c.Mean, c.StandardDeviation, c.Min, c.Max,
            c.Percentile00_5, Median: null, c.Percentile99_5, PercentileSource.PooledSamples, c.Samples)).ToList() ?? [];
        var settings = snapshot.Settings;
        return new PredictorSettings
        {
            Preprocessing = PlanInterpretation.Case(settings, PlanInterpretation.Normalization(settings, channels)),
            SlidingWindow = PlanInterpretation.SlidingWindow(settings, mirror),
        };
    }

    private static PredictionReport Predict(string input, string output, IReadOnlyList<string> checkpoints, PredictorSettings settings, CancellationToken cancellationToken)
    {
        var models = new List<TrainedModel>();
        try
        {
            foreach (var file in checkpoints)
                models.Add(TrainedModel.Load(file));
            using var _ = no_grad();
            return SegmentationPredictor.PredictFolder(input, output, [.. models.Select(m => (Func<Tensor, Tensor>)m.Segment)], settings, cancellationToken);
        }
        finally
        {
            foreach (var model in models)
                model.Dispose();
        }
    }
}
