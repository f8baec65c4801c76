using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Datasources;
using Platform.Grains.Models;
using Platform.Grains.Storage;
using Platform.Imaging.IO;
using Platform.Training.Packaging;

namespace Platform.Grains.Predictions;

/// <summary>
/// Runs a prediction job on the training slot the scheduler chose, outside any grain call: opens the model's package
/// (derived from the prediction's own lab and project) with <see cref="PackagePredictor"/>, the one predictor, and writes
/// each case's label map into the prediction's output folder. Registered cases' files are resolved in the prediction's
/// own lab (LabDataRoot); uploads are read from its inputs folder. A case already written (a job placed
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
        var finished = new List<PredictionCaseResult>();
        PackagePredictor predictor;
        try
        {
            predictor = PackagePredictor.Open(package);
        }
        catch (ModelPackageException e)
        {
            return new PredictionOutcome(PredictionState.Failed, [], $"The model package of the {job.Model} cannot be used: {e.Message}");
        }

        using (predictor)
        {
            foreach (var item in job.Cases)
            {
                stop.ThrowIfCancellationRequested();
                progress.Report(new PredictionProgress([.. finished], item.CaseId));
                var output = PredictionFolders.OutputOf(workRoot, lab, project, id, item.CaseId);
                string? error = null;
                if (!File.Exists(output))
                {
                    try
                    {
                        var files = item.Uploaded
                            ? [PredictionFolders.StoredInputOf(workRoot, lab, project, id, item.CaseId)]
                            : item.Images.Select(image => data.File(lab, image)).ToList();
                        predictor.PredictFiles(files, output);
                    }
                    catch (IOException e) when (StorageFullException.IsNoSpace(e))
                    {
                        // Every case after it would fail the same way: stop here. The writer removed its temporary, so
                        // no partial file sits under the case's name; cases written before stay and a retry skips them.
                        var full = new StorageFullException(output, $"the prediction of case '{item.CaseId}' to", e);
                        return new PredictionOutcome(PredictionState.Failed, finished, WorkRootFull.Reason(workRoot, full,
                            "The cases predicted before it are kept; retry the prediction once space is freed."));
                    }
                    catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                    {
                        // One unreadable file or moved case must not stop the others.
                        error = e is ArgumentException ? e.Message : $"{e.GetType().Name}: {e.Message}";
                    }
                }

                finished.Add(new PredictionCaseResult(item.CaseId, null, error is null, error));
            }
        }

        progress.Report(new PredictionProgress([.. finished], null));
        return new PredictionOutcome(PredictionState.Completed, finished, null);
    }
}
