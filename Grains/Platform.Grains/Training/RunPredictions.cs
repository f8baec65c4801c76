using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Training;
using Platform.Training.Workflow;

namespace Platform.Grains.Training;

/// <summary>
/// Reads the predicted label maps a run's final evaluation wrote: <c>{work root}/training/{lab}/{project}/{run}/validation/{case}.nii.gz</c>
/// (<see cref="RunWorkFolders"/> + <see cref="FoldTraining"/>, the same place cross-validation reads them from).
/// </summary>
/// <remarks>
/// The bytes travel through the grain rather than as a path for the WebUI to open. The work root holds every lab's
/// checkpoints and preprocessed data; keeping it away from the web tier means a WebUI never needs that share
/// mounted, and every byte it shows of it has passed the silo's lab check. Predictions are label maps, which gzip
/// to a few MiB, so they fit in a grain response; <see cref="CasePrediction.MaxBytes"/> refuses anything larger
/// with a clear error instead of straining the cluster's messaging. Images and reference labels, which can be
/// large and which the WebUI already reads from the data root, go the other way: the grain names the files.
/// </remarks>
public static class RunPredictions
{
    public static string PathOf(string workRoot, string lab, string project, string runId, string caseId) =>
        Path.Combine(workRoot, RunWorkFolders.Relative(lab, project, runId), FoldTraining.ValidationFolderName, CaseIds.Require(caseId) + ".nii.gz");

    /// <summary>The prediction of <paramref name="caseId"/>, or null when the run wrote none for it.</summary>
    public static Task<CasePrediction?> ReadAsync(string workRoot, string lab, string project, string runId, string caseId) =>
        ReadFileAsync(PathOf(workRoot, lab, project, runId, caseId), caseId);

    /// <summary>A predicted label map written under the work root (a run's or a prediction job's), or null when there is none.</summary>
    public static async Task<CasePrediction?> ReadFileAsync(string path, string caseId)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            return null;
        if (file.Length > CasePrediction.MaxBytes)
            throw new PlatformValidationException("caseId",
                $"The prediction of case '{caseId}' is {file.Length >> 20} MiB, more than the {CasePrediction.MaxBytes >> 20} MiB the viewer loads through the cluster.");
        return new CasePrediction(caseId, file.Name, await File.ReadAllBytesAsync(file.FullName));
    }
}
