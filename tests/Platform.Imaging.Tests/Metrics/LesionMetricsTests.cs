using Platform.Imaging.Metrics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Metrics;

/// <summary>Lesion-wise scores on hand-built maps whose lesions, overlaps and expected figures are worked out below.</summary>
public sealed class LesionMetricsTests
{
    private static readonly VolumeGeometry Grid = VolumeGeometry.Identity(new Shape3(20, 10, 10));

    private static Volume<byte> Empty() => new(Grid);

    /// <summary>Paints label 1 in the inclusive box [x0..x1]×[y0..y1]×[z0..z1].</summary>
    private static Volume<byte> Box(Volume<byte> v, int x0, int x1, int y0, int y1, int z0, int z1)
    {
        for (var z = z0; z <= z1; z++)
            for (var y = y0; y <= y1; y++)
                for (var x = x0; x <= x1; x++)
                    v[x, y, z] = 1;
        return v;
    }

    // Reference: A = x0..2 (27 voxels), B = x6..8 (27), C = x12..13 in a 2×2×2 corner (8).
    private static Volume<byte> ThreeLesions() =>
        Box(Box(Box(Empty(), 0, 2, 0, 2, 0, 2), 6, 8, 0, 2, 0, 2), 12, 13, 0, 1, 0, 1);

    // Prediction: P1 = x1..3 (27 voxels, 18 on A), P2 = B's bottom slice (9 voxels, all on B), C missed,
    // P3 = a 2×2×2 false positive far from everything.
    private static Volume<byte> TwoHitsAndAFalsePositive() =>
        Box(Box(Box(Empty(), 1, 3, 0, 2, 0, 2), 6, 8, 0, 2, 0, 0), 16, 17, 6, 7, 6, 7);

    [Fact]
    public void Three_lesions_two_hit_and_one_false_positive_give_the_hand_counted_figures()
    {
        var scores = LesionMetrics.Compute(TwoHitsAndAFalsePositive(), ThreeLesions(), 1);

        // Reference lesions 3, detected 2 (A, B); predicted components 3, matched 2 (P1, P2); FN 1 (C), FP 1 (P3).
        Assert.Equal(new LesionCounts(3, 2, 3, 2), scores.Counts);
        Assert.Equal(1, scores.Counts.MissedLesions);
        Assert.Equal(1, scores.Counts.FalsePositiveLesions);
        Assert.Equal(2.0 / 3, scores.Sensitivity, 12);
        Assert.Equal(2.0 / 3, scores.Precision, 12);
        Assert.Equal(2.0 / 3, scores.F1, 12);

        // Dice A = 2·18 / (27 + 27) = 2/3; Dice B = 2·9 / (27 + 9) = 1/2; C missed = 0; P3 = 0.
        // Lesion-wise Dice = (2/3 + 1/2 + 0 + 0) / (3 lesions + 1 false positive) = 7/24.
        Assert.Equal(7.0 / 24, scores.LesionDice, 12);
    }

    [Fact]
    public void Voxels_touching_only_at_a_corner_are_one_lesion()
    {
        // Two reference voxels meeting at a corner: one lesion under 26-connectivity (two under 6).
        var reference = Empty();
        reference[4, 4, 4] = 1;
        reference[5, 5, 5] = 1;
        // Two predicted voxels meeting along an edge, one of them on the reference.
        var prediction = Empty();
        prediction[4, 4, 4] = 1;
        prediction[3, 3, 4] = 1;

        var scores = LesionMetrics.Compute(prediction, reference, 1);

        Assert.Equal(new LesionCounts(1, 1, 1, 1), scores.Counts);
        Assert.Equal(2.0 * 1 / (2 + 2), scores.LesionDice, 12);
    }

    [Fact]
    public void An_IoU_threshold_turns_weak_hits_into_a_miss_and_a_false_positive()
    {
        // IoU A = 18 / (27 + 27 − 18) = 1/2; IoU B = 9 / 27 = 1/3. At 0.4 only A is detected, so P2 is a false positive.
        var scores = LesionMetrics.Compute(TwoHitsAndAFalsePositive(), ThreeLesions(), 1, new LesionMatchingOptions { MinimumIoU = 0.4 });

        Assert.Equal(new LesionCounts(3, 1, 3, 1), scores.Counts);
        // (2/3 + 0 + 0 + 0 + 0) / (3 lesions + 2 false positives).
        Assert.Equal(2.0 / 15, scores.LesionDice, 12);
    }

    [Fact]
    public void A_Dice_threshold_is_met_by_a_Dice_exactly_at_it()
    {
        // Dice B = 1/2 exactly: a Dice threshold of 0.5 (IoU 1/3) still detects it; a little more does not.
        var atHalf = LesionMetrics.Compute(TwoHitsAndAFalsePositive(), ThreeLesions(), 1,
            new LesionMatchingOptions { MinimumIoU = LesionMatchingOptions.DiceThreshold(0.5) });
        var aboveHalf = LesionMetrics.Compute(TwoHitsAndAFalsePositive(), ThreeLesions(), 1,
            new LesionMatchingOptions { MinimumIoU = LesionMatchingOptions.DiceThreshold(0.51) });

        Assert.Equal(2, atHalf.Counts.DetectedLesions);
        Assert.Equal(1, aboveHalf.Counts.DetectedLesions);
    }

    [Fact]
    public void Dilation_matches_a_prediction_beside_the_lesion_and_merges_close_lesions()
    {
        // Two reference voxels two apart (x = 4 and x = 7) and a predicted voxel right beside the first (x = 3).
        var reference = Empty();
        reference[4, 4, 4] = 1;
        reference[7, 4, 4] = 1;
        var prediction = Empty();
        prediction[3, 4, 4] = 1;

        var plain = LesionMetrics.Compute(prediction, reference, 1);
        var grown = LesionMetrics.Compute(prediction, reference, 1, new LesionMatchingOptions { DilationVoxels = 1 });

        // Without dilation: two lesions, both missed, and the prediction is a false positive.
        Assert.Equal(new LesionCounts(2, 0, 1, 0), plain.Counts);
        Assert.Equal(0, plain.LesionDice);
        // Grown by one voxel the two regions touch (x = 5 and 6), so they are one lesion, and the prediction meets
        // the region: detected, as BraTS counts it, with Dice 0 since no voxel overlaps.
        Assert.Equal(new LesionCounts(1, 1, 1, 1), grown.Counts);
        Assert.Equal(0, grown.LesionDice);
    }

    [Fact]
    public void Lesions_below_the_minimum_volume_and_their_matches_are_left_out()
    {
        // C (8 mm³) is below 9 mm³: two lesions remain, both detected; P3 is still a false positive.
        var prediction = Box(TwoHitsAndAFalsePositive(), 12, 12, 0, 0, 0, 0); // and a one-voxel hit on C
        var scores = LesionMetrics.Compute(prediction, ThreeLesions(), 1, new LesionMatchingOptions { MinimumLesionVolumeMm3 = 9 });

        Assert.Equal(new LesionCounts(2, 2, 3, 2), scores.Counts);
        Assert.Equal(1, scores.Sensitivity);
        // (2/3 + 1/2) / (2 lesions + 1 false positive).
        Assert.Equal(7.0 / 18, scores.LesionDice, 12);
    }

    [Fact]
    public void The_BraTS_preset_ignores_lesions_up_to_the_stated_volume()
    {
        var options = LesionMatchingOptions.BraTS2023(dilationVoxels: 1, ignoredUpToMm3: 8);
        var scores = LesionMetrics.Compute(TwoHitsAndAFalsePositive(), ThreeLesions(), 1, options);

        Assert.Equal(1, options.DilationVoxels);
        Assert.Equal(2, scores.Counts.ReferenceLesions); // C has exactly 8 voxels: ignored, as BraTS drops "≤ threshold"
    }

    [Fact]
    public void Both_maps_empty_leave_every_figure_undefined()
    {
        var scores = LesionMetrics.Compute(Empty(), Empty(), 1);

        Assert.Equal(LesionCounts.None, scores.Counts);
        Assert.True(double.IsNaN(scores.Sensitivity));
        Assert.True(double.IsNaN(scores.Precision));
        Assert.True(double.IsNaN(scores.F1));
        Assert.True(double.IsNaN(scores.LesionDice));
    }

    [Fact]
    public void A_prediction_on_an_empty_reference_scores_zero_except_sensitivity()
    {
        var scores = LesionMetrics.Compute(TwoHitsAndAFalsePositive(), Empty(), 1);

        Assert.Equal(new LesionCounts(0, 0, 3, 0), scores.Counts);
        Assert.True(double.IsNaN(scores.Sensitivity));
        Assert.Equal(0, scores.Precision);
        Assert.Equal(0, scores.F1);
        Assert.Equal(0, scores.LesionDice);
    }

    [Fact]
    public void An_empty_prediction_misses_every_lesion()
    {
        var scores = LesionMetrics.Compute(Empty(), ThreeLesions(), 1);

        Assert.Equal(new LesionCounts(3, 0, 0, 0), scores.Counts);
        Assert.Equal(0, scores.Sensitivity);
        Assert.True(double.IsNaN(scores.Precision));
        Assert.Equal(0, scores.F1);
        Assert.Equal(0, scores.LesionDice);
    }

    [Fact]
    public void Pooled_counts_weigh_cases_by_their_lesions()
    {
        // Case 1: 3 lesions, 2 found, 3 predicted, 2 matched. Case 2: 1 lesion found by its only prediction.
        var pooled = new LesionCounts(3, 2, 3, 2).Add(new LesionCounts(1, 1, 1, 1));

        Assert.Equal(new LesionCounts(4, 3, 4, 3), pooled);
        Assert.Equal(0.75, pooled.F1, 12); // not the mean of the per-case F1s (2/3 and 1)
    }

    [Fact]
    public void Only_the_asked_label_is_scored()
    {
        var prediction = TwoHitsAndAFalsePositive();
        prediction[19, 9, 9] = 2;

        Assert.Equal(LesionCounts.None, LesionMetrics.Compute(prediction, ThreeLesions(), 3).Counts);
        Assert.Equal(new LesionCounts(0, 0, 1, 0), LesionMetrics.Compute(prediction, ThreeLesions(), 2).Counts);
    }
}
