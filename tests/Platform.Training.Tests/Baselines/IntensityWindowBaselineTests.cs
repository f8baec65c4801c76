using Platform.Training.Baselines;

namespace Platform.Training.Tests.Baselines;

public sealed class IntensityWindowBaselineTests
{
    [Fact]
    public void A_label_with_its_own_intensity_band_is_found_exactly_and_applies_to_new_cases()
    {
        // Label 1 lives at 2..3, everything else at 0..1 or 4..5: the window must cut out the middle band, on both sides.
        var random = new Random(1);
        (float[], byte[]) Case(int n)
        {
            var image = new float[n];
            var label = new byte[n];
            for (var i = 0; i < n; i++)
            {
                label[i] = (byte)(i % 3 == 0 ? 1 : 0);
                image[i] = label[i] == 1 ? 2 + (float)random.NextDouble() : (i % 2 == 0 ? 0 : 4) + (float)random.NextDouble();
            }
            return (image, label);
        }

        var baseline = IntensityWindowBaseline.Fit([Case(3000), Case(3000)], [1]);
        var (image, reference) = Case(3000);

        Assert.Equal(1.0, baseline.Dice(image, reference, 1), 2);
        Assert.InRange(baseline.Windows[1].Low, 1.0f, 2.05f);
        Assert.InRange(baseline.Windows[1].High, 2.95f, 4.0f);
    }

    [Fact]
    public void A_label_whose_intensities_overlap_the_rest_scores_below_one()
    {
        var random = new Random(2);
        var image = new float[4000];
        var label = new byte[4000];
        for (var i = 0; i < image.Length; i++)
        {
            label[i] = (byte)(i < 400 ? 2 : 0);
            // Label 2 uniform on [0.5, 1.5], the rest on [0, 1]: they overlap on [0.5, 1].
            image[i] = (float)((label[i] == 2 ? 0.5 : 0.0) + random.NextDouble());
        }

        var baseline = IntensityWindowBaseline.Fit([(image, label)], [2]);
        var dice = baseline.Dice(image, label, 2);

        // The best window is [1, 1.5]: half the label, no other voxel, Dice 2·200 / (2·200 + 200) = 2/3 (give or take the noise).
        Assert.InRange(dice, 0.6, 0.75);
        Assert.Throws<ArgumentException>(() => baseline.Dice(image, label, 1));
        Assert.Throws<ArgumentException>(() => IntensityWindowBaseline.Fit([], [2]));
    }
}
