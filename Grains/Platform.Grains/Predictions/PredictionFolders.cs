namespace Platform.Grains.Predictions;

/// <summary>
/// A prediction's files, relative to the work root and derived from its key: <c>predictions/{lab}/{project}/{id}/</c>
/// with the uploaded images in <c>inputs/</c> and the label maps in <c>output/</c> (<c>{case}.nii.gz</c>).
/// </summary>
public static class PredictionFolders
{
    public static string Relative(string lab, string project, string predictionId) => Path.Combine("predictions", lab, project, predictionId);

    public static string Inputs(string workRoot, string lab, string project, string predictionId) =>
        Path.Combine(workRoot, Relative(lab, project, predictionId), "inputs");

    public static string Output(string workRoot, string lab, string project, string predictionId) =>
        Path.Combine(workRoot, Relative(lab, project, predictionId), "output");

    /// <summary>The label map of a case (case ids are plain file names, <c>CaseIds</c> makes sure).</summary>
    public static string OutputOf(string workRoot, string lab, string project, string predictionId, string caseId) =>
        Path.Combine(Output(workRoot, lab, project, predictionId), caseId + ".nii.gz");

    /// <summary>A classification or regression model's prediction of a case (its class probabilities or value, as JSON).</summary>
    public static string TargetOutputOf(string workRoot, string lab, string project, string predictionId, string caseId) =>
        Path.Combine(Output(workRoot, lab, project, predictionId), caseId + ".json");

    /// <summary>An uploaded image, stored under its case id whatever the browser called it, compressed or not as it came.</summary>
    public static string InputOf(string workRoot, string lab, string project, string predictionId, string caseId, bool gzipped) =>
        Path.Combine(Inputs(workRoot, lab, project, predictionId), caseId + (gzipped ? ".nii.gz" : ".nii"));

    /// <summary>The uploaded image of a case, as stored (the last upload of a case replaces the other form).</summary>
    public static string StoredInputOf(string workRoot, string lab, string project, string predictionId, string caseId)
    {
        var gzipped = InputOf(workRoot, lab, project, predictionId, caseId, gzipped: true);
        return File.Exists(gzipped) ? gzipped : InputOf(workRoot, lab, project, predictionId, caseId, gzipped: false);
    }
}
