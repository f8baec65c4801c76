using Platform.DemoData.Abdomen;
using Platform.Imaging.Labels;
using Xunit.Abstractions;

namespace Platform.DemoData.Tests.Abdomen;

/// <summary>What a user of the default CT dataset would measure from its images and label maps.</summary>
public sealed class AbdomenDatasetStatisticsTests(DefaultCtCases data, ITestOutputHelper output) : IClassFixture<DefaultCtCases>
{
    private static readonly AbdomenOptions Defaults = new();

    [Fact]
    public void Generation_time_is_reported()
    {
        // Not asserted (shared build machines); printed so a slowdown shows in the test log.
        output.WriteLine($"default case {data.Cases[0].Summary.Shape}: {data.MillisecondsPerCase:F0} ms wall, {data.CpuMillisecondsPerCase:F0} ms CPU per case");
        Assert.Equal(DefaultCtCases.Count, data.Cases.Count);
    }

    [Fact]
    public void Every_organ_is_in_every_case_and_about_the_asked_share_of_cases_has_lesions()
    {
        Assert.All(data.Cases, c => Assert.All(AbdomenLabels.Organs, organ => Assert.Contains(organ, c.Label.Data)));
        var withLesions = data.Cases.Count(c => c.Label.Data.Contains(AbdomenLabels.Lesion));
        // 20% without lesions: 24 cases give 19 ± 2 with lesions.
        Assert.InRange(withLesions, 14, 23);
        Assert.All(data.Cases, c => Assert.Equal(c.Summary.Lesions.Count > 0, c.Label.Data.Contains(AbdomenLabels.Lesion)));
        Assert.Contains(data.Cases, c => c.Summary.Lesions.Any(l => l.Organ == "kidney"));
        Assert.Contains(data.Cases, c => c.Summary.Lesions.Any(l => l.Hyperdense));
        Assert.Contains(data.Cases, c => c.Summary.Lesions.Any(l => !l.Hyperdense));
    }

    [Fact]
    public void Each_lesion_is_one_component_and_sizes_span_the_asked_range_from_about_twenty_voxels()
    {
        var sizes = new List<long>();
        foreach (var c in data.Cases)
        {
            var components = ConnectedComponents.Label(c.Label, Connectivity.TwentySix);
            var lesions = Enumerable.Range(1, components.Count).Where(id => components.LabelOf[id] == AbdomenLabels.Lesion).Select(id => components.SizeOf[id]).ToList();
            Assert.Equal(c.Summary.Lesions.Count, lesions.Count);
            Assert.Equal(c.Summary.Lesions.Select(l => (long)l.LabelledVoxels).Order(), lesions.Order());
            sizes.AddRange(lesions);
        }

        sizes.Sort();
        output.WriteLine($"{sizes.Count} lesions, labelled voxels: {string.Join(" ", sizes)}");
        // The smallest drawn is 20 voxels of the target spacing; case spacings vary ±12% per axis, and labels are
        // decided at voxel centres, so the smallest labelled lesions land near, not at, 20.
        Assert.InRange(sizes[0], 10, 35);
        Assert.True(sizes[^1] >= 0.4 * Defaults.LesionVoxels.Max, $"The largest lesion has {sizes[^1]} voxels; asked up to {Defaults.LesionVoxels.Max}.");
        Assert.True(sizes.Count(s => s < 60) >= 5, "Small lesions are common (log-uniform sizes).");
    }

    [Fact]
    public void Lesions_have_a_low_contrast_to_noise_ratio_against_their_organ()
    {
        var measured = data.Cases.Zip(data.Images).SelectMany(p => LesionMeasurements.Lesions(p.Second, p.First.Label)).ToList();
        var cnr = measured.Select(m => m.ContrastToNoise).Order().ToList();
        output.WriteLine($"measured CNR of {cnr.Count} lesions: min {cnr[0]:F2}, median {cnr[cnr.Count / 2]:F2}, max {cnr[^1]:F2}");
        // Drawn in [1, 2.5]; partial volume at a lesion's rim only lowers what the labels measure.
        Assert.All(cnr, v => Assert.InRange(v, 0, Defaults.LesionContrastToNoise.Max + 0.3));
        Assert.InRange(cnr[cnr.Count / 2], 0.9, 2.0);
        Assert.All(measured.Where(m => m.Voxels >= 100), m => Assert.True(m.ContrastToNoise >= 0.6, $"A lesion of {m.Voxels} voxels measures CNR {m.ContrastToNoise:F2}."));
    }

    [Fact]
    public void No_single_threshold_separates_lesions_from_organs()
    {
        var dice = data.Cases.Zip(data.Images).Where(p => p.First.Summary.Lesions.Count > 0)
            .Select(p => LesionMeasurements.BestThresholdDice(p.Second, p.First.Label)).ToList();
        output.WriteLine($"best single-threshold lesion Dice within the organs: max {dice.Max():F2}, mean {dice.Average():F2}");
        Assert.All(dice, d => Assert.True(d < 0.6, $"A threshold reaches lesion Dice {d:F2}."));
    }
}
