using Platform.DemoData.Phantoms;
using Platform.Imaging.Geometry;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Tests.Phantoms;

public sealed class CtPhantomTests
{
    private static readonly PhantomOptions Small = new() { Shape = new Shape3(48, 48, 20), MaxLesions = 3 };

    [Fact]
    public void An_organ_scale_range_varies_the_organ_and_the_default_leaves_every_case_as_it_was()
    {
        var scaled = Small with { OrganScale = (0.6, 1.3) };
        static int OrganVoxels(PhantomCase c) => c.Label.Data.Count(l => l != 0);

        var plain = CtPhantom.Generate(11, Small);
        var explicitOne = CtPhantom.Generate(11, Small with { OrganScale = (1, 1) });
        var volumes = Enumerable.Range(20, 12).Select(seed => OrganVoxels(CtPhantom.Generate(seed, scaled))).ToList();
        var plainVolumes = Enumerable.Range(20, 12).Select(seed => OrganVoxels(CtPhantom.Generate(seed, Small))).ToList();

        Assert.Equal(plain.Image.Data, explicitOne.Image.Data);
        // Radii times 0.6 to 1.3: volumes spread over several times the unscaled spread.
        Assert.True(volumes.Max() / (double)volumes.Min() > 2 * plainVolumes.Max() / (double)plainVolumes.Min(),
            $"scaled organ voxels {string.Join(", ", volumes)}; unscaled {string.Join(", ", plainVolumes)}");
        Assert.Throws<ArgumentException>(() => CtPhantom.Generate(1, Small with { OrganScale = (1, 1.6) }));
    }

    [Fact]
    public void A_case_is_a_pure_function_of_its_seed()
    {
        var a = CtPhantom.Generate(7, Small);
        var b = CtPhantom.Generate(7, Small);
        var c = CtPhantom.Generate(8, Small);

        Assert.Equal(a.Image.Data, b.Image.Data);
        Assert.Equal(a.Label.Data, b.Label.Data);
        Assert.Equal(a.Image.Geometry, b.Image.Geometry);
        Assert.NotEqual(a.Label.Data, c.Label.Data);
    }

    [Fact]
    public void The_organ_fills_a_plausible_share_of_the_body_and_lesions_lie_inside_it()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var phantom = CtPhantom.Generate(seed, Small);
            var organ = phantom.Label.Data.Count(v => v == PhantomAnatomy.Organ);
            var lesion = phantom.Label.Data.Count(v => v == PhantomAnatomy.LesionLabel);
            var body = phantom.Image.Data.Count(v => v > -500);
            Assert.InRange(organ / (double)body, 0.03, 0.35);
            Assert.Equal(phantom.Anatomy.Lesions.Count > 0, lesion > 0);
            // Every lesion voxel's centre is inside the organ's outer envelope (the lobed ellipsoid's largest radius).
            var a = phantom.Anatomy;
            var g = phantom.Label.Geometry;
            for (var i = 0; i < phantom.Label.Data.Length; i++)
            {
                if (phantom.Label.Data[i] != PhantomAnatomy.LesionLabel)
                    continue;
                var (x, y, z) = (i % g.Shape.X, i / g.Shape.X % g.Shape.Y, i / (g.Shape.X * g.Shape.Y));
                var q = g.IndexToWorld(x, y, z) - a.OrganCentre;
                var r = new Vector3D(q.X / a.OrganRadii.X, q.Y / a.OrganRadii.Y, q.Z / a.OrganRadii.Z).Length;
                Assert.True(r <= 1 + a.LobeAmplitude, $"Seed {seed}: a lesion voxel lies at normalised radius {r:F2}, outside the organ.");
            }
        }
    }

    [Fact]
    public void Intensities_follow_the_anatomy_with_the_requested_noise()
    {
        var phantom = CtPhantom.Generate(3, Small with { NoiseHu = 20 });
        var organ = Values(phantom, PhantomAnatomy.Organ);
        var mean = organ.Average();
        var std = Math.Sqrt(organ.Average(v => (v - mean) * (v - mean)));

        Assert.InRange(mean, phantom.Anatomy.OrganHu - 3, phantom.Anatomy.OrganHu + 3);
        Assert.InRange(std, 17, 23);
        Assert.True(phantom.Image.Data.Min() <= -900, "Air outside the body is near −1000 HU.");
    }

    [Theory]
    [InlineData(PhantomOrientation.Ras)]
    [InlineData(PhantomOrientation.FeetFirst)]
    [InlineData(PhantomOrientation.SwappedInPlane)]
    public void The_same_anatomy_on_a_differently_oriented_grid_agrees_voxel_for_voxel_once_reoriented(PhantomOrientation orientation)
    {
        var lps = CtPhantom.Generate(5, Small with { VaryOrientation = false });
        var shape = orientation == PhantomOrientation.SwappedInPlane ? new Shape3(Small.Shape.Y, Small.Shape.X, Small.Shape.Z) : Small.Shape;
        var spacing = lps.Label.Geometry.Spacing;
        var grid = CtPhantom.Centred(shape, orientation == PhantomOrientation.SwappedInPlane ? new Vector3D(spacing.Y, spacing.X, spacing.Z) : spacing,
            PhantomOrientations.Direction(orientation));
        var other = CtPhantom.Rasterise(lps.Anatomy, grid, orientation, noiseHu: 0, seed: 5);

        var back = Reorientation.To(other.Label, "LPS");

        Assert.Equal(lps.Label.Shape, back.Shape);
        Assert.Equal(lps.Label.Data, back.Data);
    }

    [Fact]
    public void Cases_cycle_through_orientations_and_keep_the_slice_axis_coarse()
    {
        var orientations = Enumerable.Range(0, PhantomOrientations.All.Length).Select(s => CtPhantom.Generate(s, Small)).ToList();

        Assert.Equal(PhantomOrientations.All.ToHashSet(), orientations.Select(p => p.Orientation).ToHashSet());
        Assert.All(orientations, p => Assert.True(p.Image.Geometry.Spacing.Z > 1.5 * p.Image.Geometry.Spacing.X));
    }

    [Fact]
    public void Options_out_of_range_are_refused_with_the_reason()
    {
        var e = Assert.Throws<ArgumentException>(() => CtPhantom.Generate(0, Small with { Shape = new Shape3(8, 8, 4) }));
        Assert.Contains("too small", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CtPhantom.Generate(0, Small with { SpacingJitter = 0.7 }));
    }

    private static List<double> Values(PhantomCase phantom, byte label) =>
        phantom.Label.Data.Select((l, i) => (l, i)).Where(p => p.l == label).Select(p => (double)phantom.Image.Data[p.i]).ToList();
}
