using Platform.Imaging.IO;
using Platform.Imaging.Volumes;
using Platform.Training.Evaluation;
using Platform.Training.Tests.Support;

namespace Platform.Training.Tests.Evaluation;

public sealed class SegmentationEvaluatorTests
{
    private static readonly Shape3 Shape = new(4, 4, 4);

    /// <summary>
    /// Case a: label 1 predicted on 4 voxels, referenced on 6, 3 shared → Dice 6/10, IoU 3/7; label 2 absent from
    /// both → NaN; label 3 predicted on 2 voxels of an empty reference → 0.
    /// Case b: label 1 exact → 1; label 2 referenced on 2 voxels, not predicted → 0; label 3 absent → NaN.
    /// </summary>
    private static (Volume<byte> Prediction, Volume<byte> Reference)[] Cases()
    {
        var predA = TestVolumes.Labels(Shape);
        var refA = TestVolumes.Labels(Shape);
        TestVolumes.Fill(predA, 0, 0, 0, 4, 1, 1, (byte)1);   // x 0..3
        TestVolumes.Fill(refA, 1, 0, 0, 4, 2, 1, (byte)1);    // x 1..3, y 0..1: 6 voxels, 3 shared
        TestVolumes.Fill(predA, 0, 0, 3, 2, 1, 4, (byte)3);
        var predB = TestVolumes.Labels(Shape);
        var refB = TestVolumes.Labels(Shape);
        TestVolumes.Fill(predB, 1, 1, 1, 3, 3, 3, (byte)1);
        TestVolumes.Fill(refB, 1, 1, 1, 3, 3, 3, (byte)1);
        TestVolumes.Fill(refB, 0, 3, 3, 2, 4, 4, (byte)2);
        return [(predA, refA), (predB, refB)];
    }

    [Fact]
    public void Dice_per_label_per_case_follows_the_nnunet_convention()
    {
        var (prediction, reference) = Cases()[0];

        var result = SegmentationEvaluator.EvaluateCase("a", prediction, reference, [1, 2, 3]);

        var scores = result.Labels.ToDictionary(s => s.Label);
        Assert.Equal(0.6, scores[1].Dice, 12);
        Assert.Equal(3.0 / 7, scores[1].IoU, 12);
        Assert.Equal((3L, 1L, 3L), (scores[1].TruePositives, scores[1].FalsePositives, scores[1].FalseNegatives));
        Assert.True(double.IsNaN(scores[2].Dice));
        Assert.Equal(0.0, scores[3].Dice);
        Assert.Equal(2, scores[3].PredictedVoxels);
    }

    [Fact]
    public void Means_ignore_nan_and_the_foreground_mean_averages_the_label_means()
    {
        var summary = SegmentationEvaluator.Evaluate(Cases().Select((c, i) => ($"case{i}", c.Prediction, c.Reference)), [1, 2, 3]);

        Assert.Equal(0.8, summary.MeanDiceOf(1), 12);
        Assert.Equal(0.0, summary.MeanDiceOf(2));
        Assert.Equal(1, summary.MeanPerLabel.Single(m => m.Label == 2).Cases);
        Assert.Equal(0.0, summary.MeanDiceOf(3));
        Assert.Equal(0.8 / 3, summary.ForegroundMeanDice, 12);
    }

    [Fact]
    public void Background_is_scored_when_asked_but_left_out_of_the_foreground_mean()
    {
        var (prediction, reference) = Cases()[1];

        var summary = SegmentationEvaluator.Evaluate([("b", prediction, reference)], [0, 1]);

        Assert.True(summary.MeanDiceOf(0) < 1);
        Assert.Equal(1.0, summary.ForegroundMeanDice);
    }

    [Fact]
    public void Maps_on_different_grids_are_refused_with_the_case_named()
    {
        var prediction = TestVolumes.Labels(Shape);
        var reference = TestVolumes.Labels(Shape, new Vector3D(1, 1, 2));

        var e = Assert.Throws<ArgumentException>(() => SegmentationEvaluator.EvaluateCase("liver_07", prediction, reference, [1]));
        Assert.Contains("liver_07", e.Message, StringComparison.Ordinal);
        Assert.Contains("native space", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_keeps_nan_and_csv_has_a_row_per_case_and_label()
    {
        var summary = SegmentationEvaluator.Evaluate(Cases().Select((c, i) => ($"case{i}", c.Prediction, c.Reference)), [1, 2, 3]);

        var copy = EvaluationJson.Deserialize(EvaluationJson.Serialize(summary));
        var csv = EvaluationCsv.Write(summary).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.True(double.IsNaN(copy.Cases[0].Labels.Single(s => s.Label == 2).Dice));
        Assert.Equal(summary.ForegroundMeanDice, copy.ForegroundMeanDice);
        Assert.Equal(summary.MeanPerLabel, copy.MeanPerLabel);
        Assert.Equal(EvaluationCsv.Header, csv[0]);
        Assert.Equal(1 + 6 + (3 * 2) + 1, csv.Length); // header, case rows, a mean and a pooled row per label, foreground mean
        Assert.Contains("case0,1,0.6,", csv[1], StringComparison.Ordinal);
        Assert.Contains("case0,2,NaN,NaN,", csv[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_evaluation_converts_stored_label_types_and_records_missing_predictions()
    {
        using var folder = new TempFolder();
        var predictions = folder.Sub("pred");
        var references = folder.Sub("ref");
        var cases = Cases();
        for (var i = 0; i < cases.Length; i++)
        {
            ImageFile.Write(Path.Combine(references, $"case{i}.nii.gz"), cases[i].Reference.ConvertTo<short>());
            ImageFile.Write(Path.Combine(predictions, $"case{i}.nii.gz"), cases[i].Prediction);
        }

        ImageFile.Write(Path.Combine(references, "lost.nii.gz"), cases[0].Reference);

        var summary = SegmentationEvaluator.EvaluateFolders(predictions, references, [1, 2, 3]);

        Assert.Equal(3, summary.Cases.Count);
        Assert.Contains("lost", summary.Cases.Single(c => c.CaseId == "lost").Error, StringComparison.Ordinal);
        Assert.Equal(0.8, summary.MeanDiceOf(1), 12);
        Assert.Equal(0.8 / 3, summary.ForegroundMeanDice, 12);
    }

    [Fact]
    public void Label_files_holding_fractions_are_refused()
    {
        var volume = new Volume<float>(VolumeGeometry.Identity(Shape));
        volume.Data[5] = 1.5f;

        var e = Assert.Throws<InvalidDataException>(() => ByteLabels.From(volume, "case9"));
        Assert.Contains("case9", e.Message, StringComparison.Ordinal);
        Assert.Contains("1.5", e.Message, StringComparison.Ordinal);
    }
}
