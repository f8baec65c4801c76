using Platform.DemoData.Phantoms;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Abdomen;

/// <summary>
/// Puts lesions inside the liver and kidneys: irregular (anisotropic, lobulated) blobs of log-uniformly drawn sizes,
/// darker or brighter than their organ by a small contrast-to-noise ratio, wholly inside it, clear of organs painted
/// over it and of each other (so each lesion is one connected component), and inside the field of view.
/// </summary>
internal static class LesionPlacement
{
    private const int Tries = 40;

    /// <summary>Surface points tested per candidate, and how far inside (mm) each must lie.</summary>
    private const int SurfaceChecks = 64;

    private const double Margin = 1;

    /// <summary>Lesions for a case. <paramref name="organs"/> are in painting order; a lesion must stay clear of organs painted after its own.</summary>
    public static IReadOnlyList<Structure> Draw(Random random, IReadOnlyList<Structure> organs, Vector3D fieldOfView, AbdomenOptions options)
    {
        var placed = new List<Structure>();
        if (options.MaxLesions == 0 || random.Chance(options.NoLesionProbability))
            return placed;
        var count = random.Next(1, options.MaxLesions + 1);
        // Sizes are in voxels of the target spacing, whatever the case's own spacing.
        var voxelVolume = options.Spacing.X * options.Spacing.Y * options.Spacing.Z;
        var liver = organs.Single(o => o.Label == AbdomenLabels.Liver);
        var kidneys = organs.Where(o => o.Label == AbdomenLabels.Kidney).ToList();
        for (var i = 0; i < count; i++)
        {
            var host = random.Chance(options.KidneyLesionProbability) ? kidneys[random.Next(kidneys.Count)] : liver;
            var cnr = random.In(options.LesionContrastToNoise) * (random.Chance(options.HyperdenseProbability) ? 1 : -1);
            var voxels = random.LogBetween(options.LesionVoxels.Min, options.LesionVoxels.Max);
            // What does not fit in a kidney goes to the liver, so the share of cases with lesions stays as asked.
            var lesion = TryPlace(random, host, organs, placed, fieldOfView, voxels, voxelVolume, options.LesionVoxels.Min, cnr)
                ?? TryPlace(random, liver, organs, placed, fieldOfView, voxels, voxelVolume, options.LesionVoxels.Min, cnr);
            if (lesion is not null)
                placed.Add(lesion);
        }

        return placed;
    }

    /// <summary>A lesion of about <paramref name="voxels"/> in <paramref name="host"/>, shrunk until it fits; null when even the smallest does not.</summary>
    private static Structure? TryPlace(Random random, Structure host, IReadOnlyList<Structure> organs, List<Structure> placed, Vector3D fieldOfView,
        double voxels, double voxelVolume, double smallest, double cnr)
    {
        var occluders = organs.Skip(organs.ToList().IndexOf(host) + 1).Select(o => o.Shape).ToList();
        var a = random.Between(0.8, 1.25);
        var b = random.Between(0.8, 1.25);
        var shape = new Vector3D(a, b, 1 / (a * b));
        var lobes = Blob.RandomLobes(random, random.Next(2, 5), 0.16, (2, 5));
        var rotation = Rotations.Any(random);
        for (; voxels >= smallest * 0.999; voxels *= 0.7)
        {
            // The radius of a sphere of that volume, spread over the anisotropic radii (their product is 1).
            var radius = Math.Cbrt(3 * voxels * voxelVolume / (4 * Math.PI));
            for (var t = 0; t < Tries; t++)
            {
                // Candidates anywhere in the organ first, then ever nearer its centre, where large lesions fit.
                var depth = 0.8 * (1 - ((double)t / Tries));
                var blob = new Blob(host.Shape.At(InsideUnitBall(random) * depth), shape * radius, rotation, lobes);
                if (Fits(blob, host.Shape, occluders, placed, fieldOfView))
                    return new Structure(blob, AbdomenLabels.Lesion, host.Tissue, cnr);
            }
        }

        return null;
    }

    private static bool Fits(Blob lesion, Blob host, List<Blob> occluders, List<Structure> placed, Vector3D fieldOfView)
    {
        var c = lesion.Centre;
        var reach = lesion.BoundingRadius;
        if (Math.Abs(c.X) > (fieldOfView.X / 2) - reach || Math.Abs(c.Y) > (fieldOfView.Y / 2) - reach || Math.Abs(c.Z) > (fieldOfView.Z / 2) - reach)
            return false;
        // A gap of a few millimetres keeps neighbouring lesions apart at any slice spacing.
        if (!placed.All(p => (p.Shape.Centre - c).Length > reach + p.Shape.BoundingRadius + 4))
            return false;
        // Points of the lesion's own surface at least a millimetre inside the organ and clear of organs painted over
        // it (distances are underestimates, so each point truly is); the margin covers the surface between points.
        return lesion.SurfacePoints(SurfaceChecks).All(p => host.Distance(p) <= -Margin && occluders.All(o => o.Distance(p) >= Margin));
    }

    private static Vector3D InsideUnitBall(Random random)
    {
        while (true)
        {
            var u = new Vector3D(random.Between(-1, 1), random.Between(-1, 1), random.Between(-1, 1));
            if (u.Length <= 1)
                return u;
        }
    }
}
