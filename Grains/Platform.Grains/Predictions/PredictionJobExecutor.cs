using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Datasources;
using Platform.Grains.Models;
using Platform.Grains.Storage;
using Platform.Imaging.IO;
using Platform.Plans.Tasks;
using Platform.Training.Inference;
using Platform.Training.Packaging;

namespace Platform.Grains.Predictions;

/// <summary>
/// Runs a prediction job on the training slot the scheduler chose, outside any grain call: opens the model's package
/// (derived from the prediction's own lab and project) with the one predictor of its task (<see cref="PackagePredictor"/>
/// for label maps, <see cref="TargetPackagePredictor"/> for a class or value per case), and writes each case's label
/// map, or its prediction as JSON, into the prediction's output folder. Registered cases' files are resolved in the
/// prediction's own lab (LabDataRoot); uploads are read from its inputs folder. A case already written (a job placed
/// again after its silo was lost, or retried) is skipped; one that fails is reported with its reason and the rest go on,
/// except on a full work root, which fails the job at that case.
/// </summary>
public sealed class PredictionJobExecutor(IOptions<StorageOptions> storage)
{
    public PredictionOutcome Run(string predictionKey, PredictionJob job, IProgress<PredictionProgress> progress, CancellationToken stop)
    {
        var (lab, project, id) = GrainKeys.Parse(predictionKey);
        var workRoot = storage.Value.RequireWorkRoot();
        var data = storage.Value.LabData();
        var package = Path.Combine(workRoot, ModelPackageFolders.Relative(lab, project, job.Model));
        CasePredictor predictor;
        try
        {
            predictor = ModelPackage.Load(package, (_, manifest) => manifest.Task).HasLabelMaps()
                ? new LabelMapPredictor(PackagePredictor.Open(package), (caseId) => PredictionFolders.OutputOf(workRoot, lab, project, id, caseId))
                : new TargetPredictor(TargetPackagePredictor.Open(package), (caseId) => PredictionFolders.TargetOutputOf(workRoot, lab, project, id, caseId));
        }
        catch (ModelPackageException e)
        {
            return new PredictionOutcome(PredictionState.Failed, [], $"The model package of the {job.Model} cannot be used: {e.Message}");
        }

        var finished = new List<PredictionCaseResult>();
        using (predictor)
        {
            foreach (var item in job.Cases)
            {
                stop.ThrowIfCancellationRequested();
                progress.Report(new PredictionProgress([.. finished], item.CaseId));
                string? error = null, summary = null;
                try
                {
                    var files = item.Uploaded
                        ? [PredictionFolders.StoredInputOf(workRoot, lab, project, id, item.CaseId)]
                        : item.Images.Select(image => data.File(lab, image)).ToList();
                    summary = predictor.Predict(item.CaseId, files);
                }
                catch (IOException e) when (StorageFullException.IsNoSpace(e))
                {
                    // Every case after it would fail the same way: stop here. The writers remove their temporaries, so
                    // no partial file sits under the case's name; cases written before stay and a retry skips them.
                    var full = new StorageFullException(predictor.OutputOf(item.CaseId), $"the prediction of case '{item.CaseId}' to", e);
                    return new PredictionOutcome(PredictionState.Failed, finished, WorkRootFull.Reason(workRoot, full,
                        "The cases predicted before it are kept; retry the prediction once space is freed."));
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    // One unreadable file or moved case must not stop the others.
                    error = e is ArgumentException ? e.Message : $"{e.GetType().Name}: {e.Message}";
                }

                finished.Add(new PredictionCaseResult(item.CaseId, null, error is null, error, summary));
            }
        }

        progress.Report(new PredictionProgress([.. finished], null));
        return new PredictionOutcome(PredictionState.Completed, finished, null);
    }

    /// <summary>One case predicted into its output file (kept when already there); returns the prediction in words, if any.</summary>
    private abstract class CasePredictor(Func<string, string> outputOf) : IDisposable
    {
        /// <summary>Where the case's prediction is written.</summary>
        public string OutputOf(string caseId) => outputOf(caseId);

        public abstract string? Predict(string caseId, IReadOnlyList<string> files);

        public abstract void Dispose();
    }

    private sealed class LabelMapPredictor(PackagePredictor predictor, Func<string, string> outputOf) : CasePredictor(outputOf)
    {
        public override string? Predict(string caseId, IReadOnlyList<string> files)
        {
            var output = OutputOf(caseId);
            if (!File.Exists(output))
                predictor.PredictFiles(files, output);
            return null;
        }

        public override void Dispose() => predictor.Dispose();
    }

    private sealed class TargetPredictor(TargetPackagePredictor predictor, Func<string, string> outputOf) : CasePredictor(outputOf)
    {
        public override string? Predict(string caseId, IReadOnlyList<string> files)
        {
            var output = OutputOf(caseId);
            CaseTargetPrediction? prediction = File.Exists(output) ? JsonSerializer.Deserialize<CaseTargetPrediction>(File.ReadAllText(output)) : null;
            if (prediction is null)
            {
                prediction = predictor.PredictFiles(caseId, files);
                // Written beside its name and renamed: a file under that name is always a whole prediction.
                Directory.CreateDirectory(Path.GetDirectoryName(output)!);
                var temporary = $"{output}.{Guid.NewGuid():N}.partial";
                try
                {
                    File.WriteAllText(temporary, JsonSerializer.Serialize(prediction));
                    File.Move(temporary, output, overwrite: true);
                }
                finally
                {
                    // A write that failed (a full disk) leaves nothing behind.
                    File.Delete(temporary);
                }
            }

            return prediction.Class is int c
                ? string.Create(CultureInfo.InvariantCulture, $"{predictor.ClassNames[c]} (p {prediction.Probabilities[c]:0.00})")
                : string.Create(CultureInfo.InvariantCulture, $"{prediction.Value:G4}");
        }

        public override void Dispose() => predictor.Dispose();
    }
}
