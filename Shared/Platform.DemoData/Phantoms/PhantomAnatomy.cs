using Platform.Imaging.Volumes;

namespace Platform.DemoData.Phantoms;

/// <summary>One lesion: a sphere in world millimetres.</summary>
public sealed record Lesion(Vector3D Centre, double Radius);

/// <summary>
/// One patient's anatomy in LPS world millimetres, centred on the scan's field of view: an elliptic-cylinder body
/// (soft tissue), a spine (bone, unlabelled), an organ on the patient's right (label 1, an ellipsoid with a smooth
/// lobulated surface) and hypodense lesions inside it (label 2). Intensities are the case's own, as HU vary
/// between scanners and contrast phases.
/// </summary>
public sealed record PhantomAnatomy(
    double BodyRadiusX,
    double BodyRadiusY,
    double SpineRadius,
    Vector3D OrganCentre,
    Vector3D OrganRadii,
    double LobeAmplitude,
    double LobePhase,
    IReadOnlyList<Lesion> Lesions,
    double TissueHu,
    double OrganHu,
    double LesionHu)
{
    public const byte Background = 0, Organ = 1, LesionLabel = 2;
    public const double AirHu = -1000, BoneHu = 450;

    /// <summary>Draws a patient whose body fits a field of view of <paramref name="fieldOfView"/> mm.</summary>
    /// <param name="random">The case's generator.</param>
    /// <param name="fieldOfView">The field of view in mm.</param>
    /// <param name="maxLesions">Lesions are drawn from 0 to this many.</param>
    /// <param name="lesionRadius">A lesion's radius as a fraction of the organ's smallest radius.</param>
    /// <param name="organScale">A factor on the organ's radii; a range of one value draws nothing.</param>
    public static PhantomAnatomy Draw(Random random, Vector3D fieldOfView, int maxLesions, (double Min, double Max) lesionRadius, (double Min, double Max) organScale = default)
    {
        var bodyX = fieldOfView.X * random.Between(0.36, 0.44);
        var bodyY = fieldOfView.Y * random.Between(0.28, 0.36);
        var organRadii = new Vector3D(bodyX * random.Between(0.32, 0.40), bodyY * random.Between(0.38, 0.48), fieldOfView.Z * random.Between(0.22, 0.30));
        if (organScale.Min < organScale.Max)
            organRadii = organRadii * random.Between(organScale.Min, organScale.Max);
        else if (organScale.Min > 0)
            organRadii = organRadii * organScale.Min;
        // Patient's right is −x in LPS; anterior is −y.
        var organCentre = new Vector3D(-bodyX * random.Between(0.35, 0.45), -bodyY * random.Between(0.05, 0.2), fieldOfView.Z * random.Between(-0.08, 0.08));
        var lesions = new List<Lesion>();
        var count = random.Next(maxLesions + 1);
        var smallest = Math.Min(organRadii.X, Math.Min(organRadii.Y, organRadii.Z));
        for (var i = 0; i < count; i++)
        {
            // Inside the inner half of the organ, so a lesion never pokes through its surface.
            var direction = new Vector3D(random.Between(-1, 1), random.Between(-1, 1), random.Between(-1, 1));
            var scale = random.Between(0, 0.5) / Math.Max(direction.Length, 1e-6);
            var centre = organCentre + direction.Scale(organRadii) * scale;
            lesions.Add(new Lesion(centre, smallest * random.Between(lesionRadius.Min, lesionRadius.Max)));
        }

        return new PhantomAnatomy(bodyX, bodyY, bodyX * random.Between(0.09, 0.12), organCentre, organRadii,
            LobeAmplitude: random.Between(0.05, 0.12), LobePhase: random.Between(0, 2 * Math.PI), lesions,
            TissueHu: random.Between(30, 50), OrganHu: random.Between(85, 110), LesionHu: random.Between(10, 35));
    }

    /// <summary>The label and noise-free intensity at a world point.</summary>
    public (byte Label, double Hu) At(Vector3D p)
    {
        var bx = p.X / BodyRadiusX;
        var by = p.Y / BodyRadiusY;
        if ((bx * bx) + (by * by) > 1)
            return (Background, AirHu);
        foreach (var lesion in Lesions)
        {
            var d = p - lesion.Centre;
            if (d.Dot(d) <= lesion.Radius * lesion.Radius)
                return (LesionLabel, LesionHu);
        }

        if (InsideOrgan(p))
            return (Organ, OrganHu);
        var sx = p.X / SpineRadius;
        var sy = (p.Y - (0.62 * BodyRadiusY)) / SpineRadius;
        return (sx * sx) + (sy * sy) <= 1 ? (Background, BoneHu) : (Background, TissueHu);
    }

    /// <summary>An ellipsoid whose radius swells and shrinks with direction (lobes), so organs are not perfect shapes.</summary>
    private bool InsideOrgan(Vector3D p)
    {
        var q = p - OrganCentre;
        var u = new Vector3D(q.X / OrganRadii.X, q.Y / OrganRadii.Y, q.Z / OrganRadii.Z);
        var r = u.Length;
        if (r > 1 + LobeAmplitude)
            return false;
        var azimuth = Math.Atan2(u.Y, u.X);
        var elevation = r == 0 ? 0 : Math.Asin(Math.Clamp(u.Z / r, -1, 1));
        var surface = 1 + (LobeAmplitude * Math.Sin((3 * azimuth) + LobePhase) * Math.Cos(2 * elevation));
        return r <= surface;
    }
}
