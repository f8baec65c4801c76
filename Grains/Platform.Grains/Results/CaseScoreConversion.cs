using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Results;
using Platform.Training.Evaluation;

namespace Platform.Grains.Results;

/// <summary>
/// The one mapping between the engine's evaluation records and the wire records: every figure crosses, so the
/// means of stored scores come from the engine's own <see cref="SegmentationEvaluator.Summarize"/>.
/// </summary>
public static class CaseScoreConversion
{
    public static IEnumerable<CaseScore> ToCaseScores(this CaseEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Labels.Select(l => new CaseScore(evaluation.CaseId, l.Label, l.Dice, l.IoU,
            l.TruePositives, l.FalsePositives, l.FalseNegatives, l.PredictedVoxels, l.ReferenceVoxels,
            l.Hd95Mm, l.SurfaceDice, l.LesionDice, l.ReferenceLesions, l.DetectedLesions, l.PredictedLesions, l.MatchedPredictions));
    }

    public static LabelScore ToLabelScore(this CaseScore s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new LabelScore(s.Label, s.Dice, s.IoU, s.TruePositives, s.FalsePositives, s.FalseNegatives, s.PredictedVoxels, s.ReferenceVoxels,
            s.Hd95Mm, s.SurfaceDice, s.LesionDice, s.ReferenceLesions, s.DetectedLesions, s.PredictedLesions, s.MatchedPredictions);
    }

    /// <summary>Per-label means of stored scores (cases grouped by id), as the engine summarises its own.</summary>
    public static IReadOnlyList<LabelDice> MeanPerLabel(IEnumerable<CaseScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var cases = scores.GroupBy(s => s.CaseId, StringComparer.Ordinal)
            .Select(g => new CaseEvaluation(g.Key, [.. g.Select(ToLabelScore)]))
            .ToList();
        return [.. SegmentationEvaluator.Summarize(cases).MeanPerLabel.Select(m => new LabelDice(
            m.Label, m.MeanDice, m.Cases, m.MeanHd95Mm, m.MeanSurfaceDice, m.MeanLesionDice, m.MeanLesionF1, m.PooledLesionF1))];
    }
}
