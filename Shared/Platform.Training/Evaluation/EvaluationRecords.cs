namespace Platform.Training.Evaluation;

/// <summary>
/// Overlap of one label in one case, in native space. Dice and IoU are NaN only when prediction and reference
/// are both empty (nnU-Net); a prediction on an empty reference scores 0.
/// </summary>
public sealed record LabelScore(
    int Label,
    double Dice,
    double IoU,
    long TruePositives,
    long FalsePositives,
    long FalseNegatives,
    long PredictedVoxels,
    long ReferenceVoxels);

/// <summary>Scores of one case; <see cref="Error"/> says why a case could not be scored (then <see cref="Labels"/> is empty).</summary>
public sealed record CaseEvaluation(string CaseId, IReadOnlyList<LabelScore> Labels, string? Error = null);

/// <summary>Mean Dice of one label over the cases where it is defined; <see cref="Cases"/> counts those cases.</summary>
public sealed record LabelMean(int Label, double MeanDice, int Cases);

/// <summary>
/// A scored set of cases: per case and label, the nan-mean per label, and the foreground mean (the mean of
/// the per-label means of labels other than 0). Cases with an <see cref="CaseEvaluation.Error"/> are kept
/// for the record and left out of the means.
/// </summary>
public sealed record EvaluationSummary(IReadOnlyList<CaseEvaluation> Cases, IReadOnlyList<LabelMean> MeanPerLabel, double ForegroundMeanDice)
{
    /// <summary>The mean Dice of <paramref name="label"/>; NaN when it was not scored or never defined.</summary>
    public double MeanDiceOf(int label) => MeanPerLabel.FirstOrDefault(m => m.Label == label)?.MeanDice ?? double.NaN;
}
