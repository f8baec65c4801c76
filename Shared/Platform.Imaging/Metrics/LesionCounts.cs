namespace Platform.Imaging.Metrics;

/// <summary>
/// Lesion detection counts of one label in one case, or summed over cases (<see cref="Add"/>), from which the
/// lesion-wise rates follow. Two "true positive" counts exist because matching is not one-to-one: one predicted
/// component may touch two reference lesions and one lesion may be touched by two components. Sensitivity counts
/// reference lesions, precision counts predicted components (the WMH challenge's definitions).
/// </summary>
/// <param name="ReferenceLesions">Reference lesions scored (after the minimum size).</param>
/// <param name="DetectedLesions">Reference lesions detected (lesion true positives).</param>
/// <param name="PredictedLesions">Predicted components scored (less those touching only ignored lesions).</param>
/// <param name="MatchedPredictions">Predicted components that touch a detected reference lesion.</param>
public sealed record LesionCounts(int ReferenceLesions, int DetectedLesions, int PredictedLesions, int MatchedPredictions)
{
    public static LesionCounts None { get; } = new(0, 0, 0, 0);

    /// <summary>Reference lesions missed (lesion false negatives).</summary>
    public int MissedLesions => ReferenceLesions - DetectedLesions;

    /// <summary>Predicted components that detect nothing (lesion false positives).</summary>
    public int FalsePositiveLesions => PredictedLesions - MatchedPredictions;

    /// <summary>Detected / reference lesions; NaN without reference lesions.</summary>
    public double Sensitivity => ReferenceLesions == 0 ? double.NaN : (double)DetectedLesions / ReferenceLesions;

    /// <summary>Matched / predicted components; NaN without predicted components.</summary>
    public double Precision => PredictedLesions == 0 ? double.NaN : (double)MatchedPredictions / PredictedLesions;

    /// <summary>
    /// Harmonic mean of sensitivity and precision. NaN when there are neither reference lesions nor predictions
    /// (nothing to find, nothing claimed); 0 when only one side has lesions, since then every lesion is missed or
    /// every prediction is false.
    /// </summary>
    public double F1
    {
        get
        {
            if (ReferenceLesions == 0 && PredictedLesions == 0)
                return double.NaN;
            if (ReferenceLesions == 0 || PredictedLesions == 0)
                return 0;
            var sum = Sensitivity + Precision;
            return sum == 0 ? 0 : 2 * Sensitivity * Precision / sum;
        }
    }

    /// <summary>Counts pooled over cases, as challenges report detection over a whole test set.</summary>
    public LesionCounts Add(LesionCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new LesionCounts(
            ReferenceLesions + other.ReferenceLesions,
            DetectedLesions + other.DetectedLesions,
            PredictedLesions + other.PredictedLesions,
            MatchedPredictions + other.MatchedPredictions);
    }
}
