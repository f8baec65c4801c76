using System.Text.Json.Serialization;
using Platform.Imaging.Metrics;

namespace Platform.Training.Evaluation;

/// <summary>
/// Scores of one label in one case, in native space. Overlap: Dice and IoU are NaN only when prediction and
/// reference are both empty (nnU-Net); a prediction on an empty reference scores 0. Surface
/// (<see cref="SurfaceMetrics"/>): HD95 in mm (NaN when both are empty, +∞ when only one is) and surface Dice at
/// the summary's tolerance. Lesions (<see cref="LesionMetrics"/>): BraTS 2023's lesion-wise Dice and the lesion
/// counts that sensitivity, precision and F1 come from. Figures not computed (or absent from a file written
/// before they existed) are NaN, and their counts 0.
/// </summary>
public sealed record LabelScore(
    int Label,
    double Dice,
    double IoU,
    long TruePositives,
    long FalsePositives,
    long FalseNegatives,
    long PredictedVoxels,
    long ReferenceVoxels,
    double Hd95Mm = double.NaN,
    double SurfaceDice = double.NaN,
    double LesionDice = double.NaN,
    int ReferenceLesions = 0,
    int DetectedLesions = 0,
    int PredictedLesions = 0,
    int MatchedPredictions = 0)
{
    [JsonIgnore]
    public LesionCounts Lesions => new(ReferenceLesions, DetectedLesions, PredictedLesions, MatchedPredictions);

    public double LesionSensitivity => Lesions.Sensitivity;

    public double LesionPrecision => Lesions.Precision;

    public double LesionF1 => Lesions.F1;
}

/// <summary>Scores of one case; <see cref="Error"/> says why a case could not be scored (then <see cref="Labels"/> is empty).</summary>
public sealed record CaseEvaluation(string CaseId, IReadOnlyList<LabelScore> Labels, string? Error = null);

/// <summary>
/// One label over a set of cases: the nan-mean of each per-case figure (<see cref="Cases"/> counts the cases with
/// a defined Dice), and the lesion counts summed over cases, from which the pooled lesion rates follow (as
/// challenges report detection over a test set: a case with many lesions weighs more than one with a single lesion).
/// A mean HD95 is +∞ when some case predicted nothing where a reference exists, or the reverse.
/// </summary>
public sealed record LabelMean(
    int Label,
    double MeanDice,
    int Cases,
    double MeanIoU = double.NaN,
    double MeanHd95Mm = double.NaN,
    double MeanSurfaceDice = double.NaN,
    double MeanLesionDice = double.NaN,
    double MeanLesionSensitivity = double.NaN,
    double MeanLesionPrecision = double.NaN,
    double MeanLesionF1 = double.NaN,
    int ReferenceLesions = 0,
    int DetectedLesions = 0,
    int PredictedLesions = 0,
    int MatchedPredictions = 0)
{
    [JsonIgnore]
    public LesionCounts PooledLesions => new(ReferenceLesions, DetectedLesions, PredictedLesions, MatchedPredictions);

    public double PooledLesionSensitivity => PooledLesions.Sensitivity;

    public double PooledLesionPrecision => PooledLesions.Precision;

    public double PooledLesionF1 => PooledLesions.F1;
}

/// <summary>
/// A scored set of cases: per case and label, the nan-means per label, and the foreground mean Dice (the mean of
/// the per-label means of labels other than 0). Cases with an <see cref="CaseEvaluation.Error"/> are kept for the
/// record and left out of the means. <see cref="SurfaceDiceToleranceMm"/> is the tolerance the surface Dice used
/// (NaN when it was not computed or the file predates it).
/// </summary>
public sealed record EvaluationSummary(
    IReadOnlyList<CaseEvaluation> Cases,
    IReadOnlyList<LabelMean> MeanPerLabel,
    double ForegroundMeanDice,
    double SurfaceDiceToleranceMm = double.NaN)
{
    /// <summary>The mean Dice of <paramref name="label"/>; NaN when it was not scored or never defined.</summary>
    public double MeanDiceOf(int label) => MeanPerLabel.FirstOrDefault(m => m.Label == label)?.MeanDice ?? double.NaN;
}
