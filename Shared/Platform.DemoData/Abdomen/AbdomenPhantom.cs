using Platform.DemoData.Phantoms;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Abdomen;

/// <summary>
/// A generated abdominal case: the image (CT: int16 HU; MR: float32 arbitrary units), its label map
/// (<see cref="AbdomenLabels"/>) and what it was drawn from.
/// </summary>
public sealed record AbdomenCase(IVolume Image, Volume<byte> Label, AbdomenCaseSummary Summary);

/// <summary>
/// Generates abdominal phantoms harder than <see cref="CtPhantom"/>'s: several organs with overlapping intensities,
/// unlabelled look-alikes (bowel, vessels), small low-contrast irregular lesions, partial volume, bias field and
/// noise. Everything is a pure function of the seed and the options: anatomy, grid, contrasts and noise come from
/// <see cref="Random"/> instances seeded from it, never from shared state.
/// </summary>
public static class AbdomenPhantom
{
    public static AbdomenCase Generate(int seed, AbdomenOptions? options = null)
    {
        options ??= new AbdomenOptions();
        options.Validate();
        var random = new Random(seed);
        var (geometry, orientation, fieldOfView) = PhantomGrid.Draw(random, seed, options.Shape, options.Spacing, options.SpacingJitter,
            options.ShapeJitter, options.VaryOrientation);

        var anatomy = AbdomenAnatomy.Draw(random, fieldOfView, options);
        var contrast = TissueContrast.Draw(random, options);
        var bias = BiasField.Draw(random, fieldOfView).Sample(geometry);
        var scale = options.Modality == AbdomenModality.Mr ? random.LogBetween(options.MrScale.Min, options.MrScale.Max) : 1;
        // Noise has its own generator, seeded from the case's, so changing how much noise is drawn never moves the anatomy.
        var noise = new Random(random.Next());

        var values = anatomy.Structures.Select(contrast.Of).ToList();
        var raster = PartialVolumeRaster.Render(anatomy.Structures, values, contrast.Outside, geometry, options.Supersampling, options.Footprint);
        var sigma = options.AddNoise ? contrast.NoiseSigma : 0;
        IVolume image = options.Modality == AbdomenModality.Ct
            ? ImageFormation.Ct(geometry, raster.Intensity, bias, options.CtBiasHu, sigma, noise)
            : ImageFormation.Mr(geometry, raster.Intensity, bias, options.MrBiasStrength, sigma, scale, noise);
        var label = new Volume<byte>(geometry, raster.Label);
        return new AbdomenCase(image, label, Summarise(seed, options, geometry, orientation, contrast.NoiseSigma * scale, anatomy, raster));
    }

    private static AbdomenCaseSummary Summarise(int seed, AbdomenOptions options, VolumeGeometry geometry, PhantomOrientation orientation,
        double noiseSigma, AbdomenAnatomy anatomy, PartialVolumeRaster.Result raster)
    {
        var organs = AbdomenLabels.Organs.ToDictionary(AbdomenLabels.NameOf, o => raster.Label.Count(l => l == o));
        var targetVoxel = options.Spacing.X * options.Spacing.Y * options.Spacing.Z;
        var lesions = anatomy.Structures.Select((s, k) => (s, k)).Where(p => p.s.Label == AbdomenLabels.Lesion)
            .Select(p => new LesionSummary(AbdomenLabels.NameOf(p.s.Tissue == Tissue.Kidney ? AbdomenLabels.Kidney : AbdomenLabels.Liver), p.s.Offset > 0, Math.Abs(p.s.Offset),
                p.s.Shape.NominalVolume / targetVoxel, raster.CentresOwned[p.k]))
            .ToList();
        return new AbdomenCaseSummary(seed, options.Modality, geometry.Shape, geometry.Spacing, orientation, noiseSigma, organs, lesions);
    }
}
