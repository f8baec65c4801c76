using Platform.Imaging.Metrics;
using Platform.Imaging.Volumes;
using Platform.Training.Evaluation;
using Platform.Training.Tests.Support;

namespace Platform.Training.Tests.Evaluation;

/// <summary>Surface and lesion figures in the evaluator, their means and pooled counts, and their CSV and JSON forms.</summary>
public sealed class EvaluationFiguresTests
{
    private static readonly Shape3 Shape = new(8, 8, 8);

    /// <summary>
    /// Label 1: two reference lesions (x 0..1 and x 5..6 of row y = z = 0); the prediction covers the first
    /// exactly and adds a lone false positive at (3, 6, 6). Label 2: predicted on an empty reference.
    /// </summary>
    private static (Volume<byte> Prediction, Volume<byte> Reference) Case()
    {
        var prediction = TestVolumes.Labels(Shape);
        var reference = TestVolumes.Labels(Shape);
        TestVolumes.Fill(reference, 0, 0, 0, 2, 1, 1, (byte)1);
        TestVolumes.Fill(reference, 5, 0, 0, 7, 1, 1, (byte)1);
        TestVolumes.Fill(prediction, 0, 0, 0, 2, 1, 1, (byte)1);
        prediction[3, 6, 6] = 1;
        prediction[6, 6, 0] = 2;
        return (prediction, reference);
    }

    [Fact]
    public void Surface_and_lesion_figures_reach_the_case_scores()
    {
        var (prediction, reference) = Case();

        var scores = SegmentationEvaluator.EvaluateCase("c", prediction, reference, [1, 2]).Labels.ToDictionary(s => s.Label);

        var surface = SurfaceMetrics.Compute(prediction, reference, 1, EvaluationOptions.DefaultSurfaceToleranceMm);
        Assert.Equal(surface.Hd95Mm, scores[1].Hd95Mm);
        Assert.Equal(surface.SurfaceDice, scores[1].SurfaceDice);
        Assert.True(scores[1].Hd95Mm > 0);
        // 2 lesions, 1 found; 2 predicted components, 1 matched: lesion Dice (1 + 0 + 0) / (2 + 1) = 1/3.
        Assert.Equal(new LesionCounts(2, 1, 2, 1), scores[1].Lesions);
        Assert.Equal(1.0 / 3, scores[1].LesionDice, 12);
        Assert.Equal(0.5, scores[1].LesionF1, 12);
        // A prediction on an empty reference: infinite HD95, nothing on the surface, lesion Dice 0, sensitivity undefined.
        Assert.Equal(double.PositiveInfinity, scores[2].Hd95Mm);
        Assert.Equal(0, scores[2].SurfaceDice);
        Assert.Equal(0, scores[2].LesionDice);
        Assert.True(double.IsNaN(scores[2].LesionSensitivity));
    }

    [Fact]
    public void Skipped_figures_are_nan()
    {
        var (prediction, reference) = Case();
        var options = new EvaluationOptions { Surface = false, Lesions = false };

        var summary = SegmentationEvaluator.Evaluate([("c", prediction, reference)], [1], options);

        var score = summary.Cases[0].Labels[0];
        Assert.True(double.IsNaN(score.Hd95Mm) && double.IsNaN(score.SurfaceDice) && double.IsNaN(score.LesionDice) && double.IsNaN(score.LesionF1));
        Assert.True(double.IsNaN(summary.SurfaceDiceToleranceMm));
        Assert.Equal(2.0 * 2 / (3 + 4), score.Dice, 12); // overlap is still scored
    }

    [Fact]
    public void Means_skip_nan_and_lesion_counts_pool_over_cases()
    {
        // Case 1: 3 lesions, 2 found, 3 components, 2 matched (F1 2/3). Case 2: 1 lesion found by its only component
        // (F1 1). Case 3: label absent from both (every figure NaN).
        var cases = new[]
        {
            new CaseEvaluation("1", [Score(0.5, 2.0, 0.25, 3, 2, 3, 2)]),
            new CaseEvaluation("2", [Score(0.9, 4.0, 0.75, 1, 1, 1, 1)]),
            new CaseEvaluation("3", [Score(double.NaN, double.NaN, double.NaN, 0, 0, 0, 0)]),
            new CaseEvaluation("broken", [], "unreadable"),
        };

        var mean = SegmentationEvaluator.Summarize(cases).MeanPerLabel.Single();

        Assert.Equal(0.7, mean.MeanDice, 12);
        Assert.Equal(3.0, mean.MeanHd95Mm, 12);
        Assert.Equal(0.5, mean.MeanLesionDice, 12);
        Assert.Equal(5.0 / 6, mean.MeanLesionF1, 12);
        Assert.Equal(new LesionCounts(4, 3, 4, 3), mean.PooledLesions);
        Assert.Equal(0.75, mean.PooledLesionF1, 12);
    }

    private static LabelScore Score(double dice, double hd95, double lesionDice, int reference, int detected, int predicted, int matched) =>
        new(1, dice, dice, 0, 0, 0, 0, 0, hd95, dice, lesionDice, reference, detected, predicted, matched);

    [Fact]
    public void Csv_rows_have_every_column_and_read_back_to_the_same_scores()
    {
        var (prediction, reference) = Case();
        var summary = SegmentationEvaluator.Summarize(
        [
            SegmentationEvaluator.EvaluateCase("c, quoted", prediction, reference, [1, 2]),
            new CaseEvaluation("lost", [], "no prediction,\n\"lost\""),
        ]);

        var csv = EvaluationCsv.Write(summary);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var cases = EvaluationCsv.ReadCases(csv);

        Assert.All(lines.Where(l => l.StartsWith("case,", StringComparison.Ordinal) || l.StartsWith("mean,", StringComparison.Ordinal)
            || l.StartsWith("pooled,", StringComparison.Ordinal) || l.StartsWith("foreground_mean,", StringComparison.Ordinal)), l => Assert.Equal(20, l.Split(',').Length));
        Assert.Contains("pooled,1,,,,,,,,,,,0.5,0.5,0.5,2,1,2,1,", lines);
        Assert.Contains("Infinity", lines.Single(l => l.StartsWith("\"c, quoted\",2,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("c, quoted", cases[0].CaseId);
        Assert.Equal(summary.Cases[0].Labels, cases[0].Labels);
        Assert.Equal("no prediction,\n\"lost\"", cases[1].Error);
        Assert.Equal(summary.MeanPerLabel, SegmentationEvaluator.Summarize(cases).MeanPerLabel);
    }

    [Fact]
    public void Json_keeps_the_new_figures_including_infinity()
    {
        var (prediction, reference) = Case();
        var summary = SegmentationEvaluator.Evaluate([("c", prediction, reference)], [1, 2]);

        var copy = EvaluationJson.Deserialize(EvaluationJson.Serialize(summary));

        Assert.Equal(summary.Cases[0].Labels, copy.Cases[0].Labels);
        Assert.Equal(summary.MeanPerLabel, copy.MeanPerLabel);
        Assert.Equal(EvaluationOptions.DefaultSurfaceToleranceMm, copy.SurfaceDiceToleranceMm);
    }

    [Fact]
    public void Json_written_before_the_new_figures_reads_them_as_nan()
    {
        const string old = """
            {
              "cases": [ { "caseId": "a", "labels": [ { "label": 1, "dice": 0.5, "iou": "NaN", "truePositives": 1, "falsePositives": 1,
                           "falseNegatives": 1, "predictedVoxels": 2, "referenceVoxels": 2 } ], "error": null } ],
              "meanPerLabel": [ { "label": 1, "meanDice": 0.5, "cases": 1 } ],
              "foregroundMeanDice": 0.5
            }
            """;

        var summary = EvaluationJson.Deserialize(old);

        var score = summary.Cases[0].Labels[0];
        Assert.Equal(0.5, score.Dice);
        Assert.True(double.IsNaN(score.Hd95Mm) && double.IsNaN(score.SurfaceDice) && double.IsNaN(score.LesionDice));
        Assert.Equal(LesionCounts.None, score.Lesions);
        Assert.True(double.IsNaN(score.LesionF1));
        var mean = summary.MeanPerLabel[0];
        Assert.True(double.IsNaN(mean.MeanHd95Mm) && double.IsNaN(mean.MeanLesionF1) && double.IsNaN(mean.PooledLesionF1));
        Assert.True(double.IsNaN(summary.SurfaceDiceToleranceMm));
    }
}
