using Platform.Imaging.IO;
using Platform.Imaging.Metrics;
using Platform.Imaging.Volumes;

namespace Platform.Training.Evaluation;

/// <summary>
/// Scores predicted label maps against reference labels in native space with the imaging core's
/// <see cref="OverlapMetrics"/>, <see cref="SurfaceMetrics"/> and <see cref="LesionMetrics"/>, and aggregates
/// them as nnU-Net does (<see cref="MetricAggregation"/>).
/// </summary>
public static class SegmentationEvaluator
{
    public static CaseEvaluation EvaluateCase(string caseId, Volume<byte> prediction, Volume<byte> reference, IReadOnlyList<int> labels, EvaluationOptions? options = null)
    {
        options ??= EvaluationOptions.Default;
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(reference);
        CheckLabels(labels);
        if (prediction.Shape != reference.Shape)
            throw new ArgumentException($"Case {caseId}: prediction shape {prediction.Shape} differs from the reference's {reference.Shape}.", nameof(prediction));
        if (!prediction.Geometry.IsSameSpace(reference.Geometry))
            throw new ArgumentException(
                $"Case {caseId}: prediction geometry ({prediction.Geometry}) is not the reference's ({reference.Geometry}); predictions are scored in native space.",
                nameof(prediction));
        var scores = OverlapMetrics.Compute(prediction, reference, labels)
            .Select(s => WithShapeFigures(new LabelScore(s.Label, s.Dice, s.IoU, s.TruePositives, s.FalsePositives, s.FalseNegatives, s.PredictedVoxels, s.ReferenceVoxels),
                prediction, reference, options))
            .ToArray();
        return new CaseEvaluation(caseId, scores);
    }

    /// <summary>
    /// Per-label nan-means of every figure over the cases scored without error, with lesion counts pooled over
    /// cases. <paramref name="options"/> records the surface Dice tolerance the cases were scored with.
    /// </summary>
    public static EvaluationSummary Summarize(IReadOnlyList<CaseEvaluation> cases, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        options ??= EvaluationOptions.Default;
        var scored = cases.Where(c => c.Error is null).ToArray();
        var means = scored.SelectMany(c => c.Labels)
            .GroupBy(s => s.Label)
            .OrderBy(g => g.Key)
            .Select(g => MeanOf(g.Key, [.. g]))
            .ToArray();
        var foreground = MetricAggregation.ForegroundMean(means.ToDictionary(m => m.Label, m => m.MeanDice));
        return new EvaluationSummary(cases, means, foreground, options.Surface ? options.SurfaceToleranceMm : double.NaN);
    }

    /// <summary>Scores every case of a list of (prediction, reference) maps already in memory.</summary>
    public static EvaluationSummary Evaluate(
        IEnumerable<(string CaseId, Volume<byte> Prediction, Volume<byte> Reference)> cases, IReadOnlyList<int> labels, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return Summarize([.. cases.Select(c => EvaluateCase(c.CaseId, c.Prediction, c.Reference, labels, options))], options);
    }

    /// <summary>
    /// Scores every reference file of <paramref name="referenceFolder"/> against the prediction file of the same
    /// name in <paramref name="predictionFolder"/> (any format <see cref="ImageFile"/> reads). A missing or
    /// unreadable prediction is recorded as that case's error; the other cases are still scored.
    /// </summary>
    public static EvaluationSummary EvaluateFolders(string predictionFolder, string referenceFolder, IReadOnlyList<int> labels, EvaluationOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(predictionFolder);
        ArgumentException.ThrowIfNullOrEmpty(referenceFolder);
        CheckLabels(labels);
        if (!Directory.Exists(referenceFolder))
            throw new DirectoryNotFoundException($"Reference folder {referenceFolder} does not exist.");
        var results = new List<CaseEvaluation>();
        foreach (var referencePath in Directory.EnumerateFiles(referenceFolder).Where(IsImage).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(referencePath);
            var caseId = ImageFileNames.Stem(name);
            var predictionPath = Path.Combine(predictionFolder, name);
            try
            {
                if (!File.Exists(predictionPath))
                    throw new FileNotFoundException($"Case {caseId}: no prediction {predictionPath}.", predictionPath);
                var prediction = ByteLabels.Read(predictionPath);
                var reference = ByteLabels.Read(referencePath);
                results.Add(EvaluateCase(caseId, prediction, reference, labels, options));
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidDataException or ImageFormatException or UnauthorizedAccessException)
            {
                results.Add(new CaseEvaluation(caseId, [], e.Message));
            }
        }

        return Summarize(results, options);
    }

    private static LabelScore WithShapeFigures(LabelScore score, Volume<byte> prediction, Volume<byte> reference, EvaluationOptions options)
    {
        if (options.Surface)
        {
            var surface = SurfaceMetrics.Compute(prediction, reference, score.Label, options.SurfaceToleranceMm);
            score = score with { Hd95Mm = surface.Hd95Mm, SurfaceDice = surface.SurfaceDice };
        }

        if (options.Lesions)
        {
            var lesions = LesionMetrics.Compute(prediction, reference, score.Label, options.LesionMatching);
            var counts = lesions.Counts;
            score = score with
            {
                LesionDice = lesions.LesionDice,
                ReferenceLesions = counts.ReferenceLesions,
                DetectedLesions = counts.DetectedLesions,
                PredictedLesions = counts.PredictedLesions,
                MatchedPredictions = counts.MatchedPredictions,
            };
        }

        return score;
    }

    private static LabelMean MeanOf(int label, IReadOnlyList<LabelScore> scores)
    {
        double Mean(Func<LabelScore, double> figure) => MetricAggregation.NanMean(scores.Select(figure));
        var pooled = scores.Aggregate(LesionCounts.None, (sum, s) => sum.Add(s.Lesions));
        return new LabelMean(label, Mean(s => s.Dice), scores.Count(s => !double.IsNaN(s.Dice)),
            Mean(s => s.IoU), Mean(s => s.Hd95Mm), Mean(s => s.SurfaceDice), Mean(s => s.LesionDice),
            Mean(s => s.LesionSensitivity), Mean(s => s.LesionPrecision), Mean(s => s.LesionF1),
            pooled.ReferenceLesions, pooled.DetectedLesions, pooled.PredictedLesions, pooled.MatchedPredictions);
    }

    private static bool IsImage(string path) => !Path.GetFileName(path).StartsWith('.') && ImageFile.IsSupported(path);

    private static void CheckLabels(IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
            throw new ArgumentException("Name at least one label to score.", nameof(labels));
        foreach (var label in labels)
            if (label is < 0 or > byte.MaxValue)
                throw new ArgumentException($"Label {label} is outside 0..255, the range of a byte label map.", nameof(labels));
        if (labels.Distinct().Count() != labels.Count)
            throw new ArgumentException($"Labels [{string.Join(", ", labels)}] list a label twice.", nameof(labels));
    }
}
