using Platform.DemoData.Abdomen;
using Platform.DemoData.Phantoms;
using Platform.Imaging.Labels;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Tests.Abdomen;

public sealed class AbdomenPhantomTests
{
    private static readonly AbdomenOptions Small = new() { Shape = new Shape3(64, 64, 24) };

    /// <summary>Noise and bias off, so every intensity comes from the anatomy and partial volume alone.</summary>
    private static readonly AbdomenOptions Clean = Small with { AddNoise = false, CtBiasHu = 0, NoLesionProbability = 0 };

    [Theory]
    [InlineData(AbdomenModality.Ct)]
    [InlineData(AbdomenModality.Mr)]
    public void A_case_is_a_pure_function_of_its_seed(AbdomenModality modality)
    {
        var options = Small with { Modality = modality };
        var a = AbdomenPhantom.Generate(7, options);
        var b = AbdomenPhantom.Generate(7, options);
        var c = AbdomenPhantom.Generate(8, options);

        Assert.Equal(a.Image.AsBytes().ToArray(), b.Image.AsBytes().ToArray());
        Assert.Equal(a.Label.Data, b.Label.Data);
        Assert.Equal(a.Image.Geometry, b.Image.Geometry);
        Assert.Equal(a.Summary.Lesions, b.Summary.Lesions);
        Assert.NotEqual(a.Image.AsBytes().ToArray(), c.Image.AsBytes().ToArray());
        Assert.NotEqual(a.Image.Geometry, c.Image.Geometry);
    }

    [Fact]
    public void Boundary_voxels_have_intermediate_intensities_and_without_supersampling_none_do()
    {
        static double IntermediateShare(AbdomenCase phantom)
        {
            var image = phantom.Image.ConvertTo<short>();
            var liver = Mode(image.Data, phantom.Label.Data, AbdomenLabels.Liver);
            var edge = LiverEdge(phantom.Label).ToList();
            return edge.Count(i => image.Data[i] != liver) / (double)edge.Count;
        }

        var smooth = IntermediateShare(AbdomenPhantom.Generate(3, Clean));
        var sharp = IntermediateShare(AbdomenPhantom.Generate(3, Clean with { Supersampling = 1 }));

        // Liver voxels touching another label: the surface crosses about half of them (the rest have it just outside
        // their own footprint), so they mix with their neighbour; sampled at centres only, none do.
        Assert.True(smooth > 0.3, $"Only {smooth:P0} of the liver's edge voxels have intermediate values.");
        Assert.Equal(0, sharp);
    }

    [Fact]
    public void Lesions_look_larger_than_their_labels_because_labels_are_decided_at_voxel_centres()
    {
        var phantom = AbdomenPhantom.Generate(4, Clean);
        var image = phantom.Image.ConvertTo<short>();
        var liver = Mode(image.Data, phantom.Label.Data, AbdomenLabels.Liver);
        var s = phantom.Label.Shape;
        var rim = 0;
        var rimTouched = 0;
        for (var z = 0; z < s.Z; z++)
            for (var y = 1; y < s.Y - 1; y++)
                for (var x = 1; x < s.X - 1; x++)
                {
                    var i = phantom.Label.IndexOf(x, y, z);
                    if (phantom.Label.Data[i] != AbdomenLabels.Liver || !Neighbours(phantom.Label, x, y, z).Any(j => phantom.Label.Data[j] == AbdomenLabels.Lesion))
                        continue;
                    rim++;
                    if (image.Data[i] != liver)
                        rimTouched++;
                }

        // Liver-labelled voxels next to a lesion: many carry part of the lesion's intensity.
        Assert.True(rim > 0, "The case has a liver lesion.");
        Assert.True(rimTouched > rim / 3, $"{rimTouched} of {rim} liver voxels around lesions show the lesion.");
    }

    [Fact]
    public void A_footprint_wider_than_a_voxel_blurs_more_voxels()
    {
        static int Changed(AbdomenOptions options)
        {
            // The anatomy does not depend on how it is sampled, so the sharp image is the same case at voxel centres.
            var sampled = AbdomenPhantom.Generate(5, options).Image.ConvertTo<short>().Data;
            var sharp = AbdomenPhantom.Generate(5, options with { Supersampling = 1 }).Image.ConvertTo<short>().Data;
            return sampled.Zip(sharp).Count(p => p.First != p.Second);
        }

        Assert.True(Changed(Clean with { Footprint = 2 }) > 1.3 * Changed(Clean));
    }

    [Fact]
    public void Ct_is_int16_hounsfield_units_with_air_fat_and_organs_where_they_belong()
    {
        var phantom = AbdomenPhantom.Generate(1, Small);
        var image = Assert.IsType<Volume<short>>(phantom.Image);
        double Median(byte label) => image.Data.Where((_, i) => phantom.Label.Data[i] == label).Select(v => (double)v).Order().ElementAt(phantom.Label.Data.Count(l => l == label) / 2);

        Assert.True(image.Data.Min() <= -950, "Air outside the body is near −1000 HU.");
        Assert.Contains(image.Data, v => v is > -150 and < -50);
        Assert.InRange(Median(AbdomenLabels.Liver), 80, 140);
        Assert.InRange(Median(AbdomenLabels.Kidney), 120, 210);
        Assert.InRange(Median(AbdomenLabels.Spleen), 85, 140);
    }

    [Fact]
    public void Mr_images_are_positive_float_with_a_scale_that_varies_per_case()
    {
        var options = Small with { Modality = AbdomenModality.Mr };
        var cases = Enumerable.Range(0, 6).Select(seed => AbdomenPhantom.Generate(seed, options)).ToList();
        var liverMedians = cases.Select(c =>
        {
            var image = Assert.IsType<Volume<float>>(c.Image);
            Assert.True(image.Data.Min() > 0, "Magnitude images are positive.");
            return (double)Mode(image.Data.Select(v => (short)Math.Min(v, short.MaxValue)).ToArray(), c.Label.Data, AbdomenLabels.Liver);
        }).ToList();

        // Scales are drawn from 200–3000: raw intensities mean nothing across cases until each is z-scored.
        Assert.True(liverMedians.Max() > 2 * liverMedians.Min(), $"Liver intensities {string.Join(", ", liverMedians)} hardly vary between cases.");
    }

    [Fact]
    public void The_mr_bias_field_is_strong_and_smooth()
    {
        var noiseFree = Small with { Modality = AbdomenModality.Mr, AddNoise = false };
        var biased = Assert.IsType<Volume<float>>(AbdomenPhantom.Generate(2, noiseFree).Image).Data;
        var flat = Assert.IsType<Volume<float>>(AbdomenPhantom.Generate(2, noiseFree with { MrBiasStrength = 0 }).Image).Data;
        var gain = biased.Zip(flat).Where(p => p.Second > 0).Select(p => (double)p.First / p.Second).ToList();

        Assert.InRange(gain.Min(), Math.Exp(-0.35) - 1e-3, 1);
        Assert.InRange(gain.Max(), 1, Math.Exp(0.35) + 1e-3);
        Assert.True(gain.Max() / gain.Min() > 1.2, $"The bias field varies the signal only {gain.Max() / gain.Min():F2}-fold.");
    }

    [Fact]
    public void Cases_vary_in_orientation_spacing_and_field_of_view()
    {
        var cases = Enumerable.Range(0, PhantomOrientations.All.Length).Select(seed => AbdomenPhantom.Generate(seed, Small)).ToList();

        Assert.Equal(PhantomOrientations.All.ToHashSet(), cases.Select(c => c.Summary.Orientation).ToHashSet());
        Assert.All(cases, c => Assert.Equal(c.Image.Geometry, c.Label.Geometry));
        Assert.All(cases, c => Assert.True(c.Image.Geometry.Spacing.Z > 1.5 * c.Image.Geometry.Spacing.X));
        Assert.All(cases, c => Assert.InRange(c.Image.Geometry.Spacing.X, 1.5 * 0.88, 1.5 * 1.12));
        Assert.True(cases.Select(c => c.Image.Geometry.Shape).Distinct().Count() > 3);
    }

    [Fact]
    public void The_share_of_cases_without_lesions_and_the_lesion_sizes_are_parameters()
    {
        var none = Enumerable.Range(0, 4).Select(seed => AbdomenPhantom.Generate(seed, Small with { NoLesionProbability = 1 }));
        var sized = Enumerable.Range(0, 4).Select(seed => AbdomenPhantom.Generate(seed, Small with { NoLesionProbability = 0, LesionVoxels = (100, 150) })).ToList();

        Assert.All(none, c => Assert.DoesNotContain(AbdomenLabels.Lesion, c.Label.Data));
        Assert.All(sized, c => Assert.Contains(AbdomenLabels.Lesion, c.Label.Data));
        var sizes = sized.SelectMany(c =>
        {
            var components = ConnectedComponents.Label(c.Label, Connectivity.TwentySix);
            return Enumerable.Range(1, components.Count).Where(id => components.LabelOf[id] == AbdomenLabels.Lesion).Select(id => components.SizeOf[id]);
        }).ToList();
        Assert.All(sizes, v => Assert.InRange(v, 50, 250));
    }

    [Fact]
    public void Options_out_of_range_are_refused_with_the_reason()
    {
        var e = Assert.Throws<ArgumentException>(() => AbdomenPhantom.Generate(0, Small with { Shape = new Shape3(16, 16, 8) }));
        Assert.Contains("too small", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AbdomenPhantom.Generate(0, Small with { LesionVoxels = (50, 10) }));
        Assert.Throws<ArgumentException>(() => AbdomenPhantom.Generate(0, Small with { NoLesionProbability = 1.5 }));
        Assert.Throws<ArgumentException>(() => AbdomenPhantom.Generate(0, Small with { Footprint = 0.5 }));
    }

    /// <summary>The most common value among voxels with <paramref name="label"/>: the organ's own intensity in a noise-free image.</summary>
    private static short Mode(short[] image, byte[] labels, byte label) =>
        image.Where((_, i) => labels[i] == label).GroupBy(v => v).MaxBy(g => g.Count())!.Key;

    private static IEnumerable<int> LiverEdge(Volume<byte> label)
    {
        var s = label.Shape;
        for (var z = 1; z < s.Z - 1; z++)
            for (var y = 1; y < s.Y - 1; y++)
                for (var x = 1; x < s.X - 1; x++)
                {
                    var i = label.IndexOf(x, y, z);
                    if (label.Data[i] == AbdomenLabels.Liver && Neighbours(label, x, y, z).Any(j => label.Data[j] != AbdomenLabels.Liver))
                        yield return i;
                }
    }

    /// <summary>The six face neighbours of an interior voxel.</summary>
    private static int[] Neighbours(Volume<byte> label, int x, int y, int z) =>
    [
        label.IndexOf(x - 1, y, z), label.IndexOf(x + 1, y, z), label.IndexOf(x, y - 1, z),
        label.IndexOf(x, y + 1, z), label.IndexOf(x, y, Math.Max(0, z - 1)), label.IndexOf(x, y, Math.Min(label.Shape.Z - 1, z + 1)),
    ];
}
