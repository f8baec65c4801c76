using Platform.DemoData.Phantoms;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Abdomen;

/// <summary>
/// One patient's abdomen in LPS world millimetres (−x patient's right, −y anterior, +z superior), centred on the
/// field of view and scaled to it: a body outline with a subcutaneous fat layer, spine, aorta and vena cava, bowel
/// loops (unlabelled, with contents that overlap organ intensities), spleen, liver, kidneys, and lesions in the
/// liver and kidneys. <see cref="Structures"/> is in painting order: where shapes overlap, the later one wins.
/// </summary>
internal sealed record AbdomenAnatomy(IReadOnlyList<Structure> Structures)
{
    public IEnumerable<Structure> Lesions => Structures.Where(s => s.Label == AbdomenLabels.Lesion);

    public static AbdomenAnatomy Draw(Random random, Vector3D fieldOfView, AbdomenOptions options)
    {
        var structures = new List<Structure>();
        var rx = fieldOfView.X * random.Between(0.36, 0.50);
        var ry = Math.Min(rx * random.Between(0.70, 0.85), fieldOfView.Y * 0.49);
        var infinite = double.PositiveInfinity;
        var bodyTurn = Rotations.AboutZ(random.Between(-4, 4));
        var bodyLobes = InPlane(Blob.RandomLobes(random, 2, 0.04, (2, 3)));
        structures.Add(new Structure(new Blob(Vector3D.Zero, new Vector3D(rx, ry, infinite), bodyTurn, bodyLobes), AbdomenLabels.Background, Tissue.Fat));
        var fat = rx * random.Between(0.06, 0.14);
        // Inside the fat layer: muscle, visceral fat and everything unlabelled, as one soft-tissue background.
        var (ix, iy) = (rx - fat, ry - fat);
        structures.Add(new Structure(new Blob(Vector3D.Zero, new Vector3D(ix, iy, infinite), bodyTurn, bodyLobes), AbdomenLabels.Background, Tissue.SoftTissue));
        var z0 = fieldOfView.Z * random.Between(-0.05, 0.05);
        Vector3D At(double x, double y, double z) => new(x * ix, y * iy, z0 + (z * fieldOfView.Z));

        var loops = random.Next(3, 7);
        for (var i = 0; i < loops; i++)
        {
            var centre = At(random.Between(-0.15, 0.55), random.Between(-0.75, 0.05), random.Between(-0.35, 0.35));
            var radii = new Vector3D(ix * random.Between(0.08, 0.16), ix * random.Between(0.08, 0.16), fieldOfView.Z * random.Between(0.1, 0.25));
            // Contents from gas-free fluid to enhancing wall and oral contrast: in σ units around bowel's own value.
            structures.Add(new Structure(new Blob(centre, radii, Rotations.Any(random), Blob.RandomLobes(random, 2, 0.12, (2, 4))),
                AbdomenLabels.Background, Tissue.Bowel, random.Between(-1, 3)));
        }

        structures.Add(Cylinder(random, At(0.10, 0.40, 0), ix * random.Between(0.05, 0.065), Tissue.Vessel));
        structures.Add(Cylinder(random, At(-0.10, 0.38, 0), ix * random.Between(0.05, 0.07), Tissue.Vessel) with { Offset = -1 });
        var spine = ix * random.Between(0.10, 0.13);
        structures.Add(Cylinder(random, At(0, 0.62, 0), spine, Tissue.Bone));
        structures.Add(new Structure(new Blob(At(0, 0.62, 0) + new Vector3D(0, spine * 1.5, 0), new Vector3D(spine * 0.4, spine * 0.8, infinite),
            Matrix3.Identity, []), AbdomenLabels.Background, Tissue.Bone));

        // Organs last, so they occlude bowel and vessels; kidneys after the liver, which wraps around the right one.
        var spleen = Organ(random, At(0.50, 0.30, 0.12), new Vector3D(0.14 * ix, 0.26 * iy, 0.20 * fieldOfView.Z), random.Between(20, 40), AbdomenLabels.Spleen, Tissue.Spleen);
        var liver = Organ(random, At(-0.38, -0.05, 0.08), new Vector3D(0.44 * ix, 0.54 * iy, 0.30 * fieldOfView.Z), random.Between(-12, 12), AbdomenLabels.Liver, Tissue.Liver);
        var kidneyRadii = new Vector3D(0.13 * ix, 0.20 * iy, 0.20 * fieldOfView.Z);
        var right = Organ(random, At(-0.32, 0.42, -0.10), kidneyRadii, random.Between(-30, -15), AbdomenLabels.Kidney, Tissue.Kidney);
        var left = Organ(random, At(0.32, 0.42, -0.10), kidneyRadii, random.Between(15, 30), AbdomenLabels.Kidney, Tissue.Kidney);
        Structure[] organs = [spleen, liver, right, left];
        structures.AddRange(organs);
        structures.AddRange(LesionPlacement.Draw(random, organs, fieldOfView, options));
        return new AbdomenAnatomy(structures);
    }

    /// <summary>An organ: a lobulated ellipsoid, each radius varied ±12%, turned about the superior axis and tilted a little.</summary>
    private static Structure Organ(Random random, Vector3D centre, Vector3D radii, double turnDegrees, byte label, Tissue tissue)
    {
        var varied = new Vector3D(radii.X * random.Between(0.88, 1.12), radii.Y * random.Between(0.88, 1.12), radii.Z * random.Between(0.88, 1.12));
        var rotation = Rotations.AboutZ(turnDegrees) * Rotations.AboutX(random.Between(-8, 8));
        return new Structure(new Blob(centre, varied, rotation, Blob.RandomLobes(random, 3, 0.06, (2, 4))), label, tissue);
    }

    /// <summary>A tube along the body's axis (spine, aorta, vena cava), slightly irregular in section.</summary>
    private static Structure Cylinder(Random random, Vector3D centre, double radius, Tissue tissue) =>
        new(new Blob(centre with { Z = 0 }, new Vector3D(radius, radius * random.Between(0.85, 1.0), double.PositiveInfinity),
            Matrix3.Identity, InPlane(Blob.RandomLobes(random, 1, 0.05, (2, 3)))), AbdomenLabels.Background, tissue);

    /// <summary>Lobes of a shape that is infinite along z vary only in-plane.</summary>
    private static Lobe[] InPlane(Lobe[] lobes) =>
        [.. lobes.Select(l => l with { Axis = Blob.Unit(l.Axis with { Z = 0 }) })];
}
