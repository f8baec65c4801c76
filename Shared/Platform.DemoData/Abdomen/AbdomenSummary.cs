using System.Globalization;
using System.Text;
using Platform.DemoData.Phantoms;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Abdomen;

/// <summary>
/// One lesion as drawn: its organ, whether it is brighter than the organ, its contrast-to-noise ratio as drawn
/// (|lesion − organ| / σ, before partial volume), its nominal size in voxels of the target spacing, and how many
/// voxel centres of the case's own grid it labels (fewer than its visible blob for small lesions, as in real data).
/// </summary>
public sealed record LesionSummary(string Organ, bool Hyperdense, double ContrastToNoise, double NominalVoxels, int LabelledVoxels);

/// <summary>One case: its grid, modality, noise σ in image units, organ volumes (labelled voxels and millilitres) and lesions.</summary>
public sealed record AbdomenCaseSummary(
    int Seed,
    AbdomenModality Modality,
    Shape3 Shape,
    Vector3D Spacing,
    PhantomOrientation Orientation,
    double NoiseSigma,
    IReadOnlyDictionary<string, int> OrganVoxels,
    IReadOnlyList<LesionSummary> Lesions)
{
    public double Millilitres(string organ) => OrganVoxels[organ] * Spacing.X * Spacing.Y * Spacing.Z / 1000;
}

/// <summary>A dataset's cases by case id, with the figures a benchmark prints.</summary>
public sealed record AbdomenDatasetSummary(IReadOnlyDictionary<string, AbdomenCaseSummary> Cases)
{
    public int CasesWithLesions => Cases.Values.Count(c => c.Lesions.Count > 0);

    public IEnumerable<LesionSummary> Lesions => Cases.Values.SelectMany(c => c.Lesions);

    /// <summary>Labelled voxels of every lesion, smallest first.</summary>
    public IReadOnlyList<int> LesionSizes => [.. Lesions.Select(l => l.LabelledVoxels).Order()];

    public double MeanMillilitres(string organ) => Cases.Count == 0 ? 0 : Cases.Values.Average(c => c.Millilitres(organ));

    /// <summary>A few lines for a log or a benchmark report.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        var sizes = LesionSizes;
        var lesions = Lesions.ToList();
        text.Append(CultureInfo.InvariantCulture, $"{Cases.Count} cases, {CasesWithLesions} with lesions, {lesions.Count} lesions");
        text.Append(CultureInfo.InvariantCulture, $" ({lesions.Count(l => l.Hyperdense)} hyperdense, {lesions.Count(l => l.Organ == AbdomenLabels.NameOf(AbdomenLabels.Kidney))} in kidneys)\n");
        if (sizes.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"lesion voxels: min {sizes[0]}, median {sizes[sizes.Count / 2]}, max {sizes[^1]}; ");
            text.Append(CultureInfo.InvariantCulture, $"drawn CNR {lesions.Min(l => l.ContrastToNoise):F2}–{lesions.Max(l => l.ContrastToNoise):F2}\n");
        }

        text.AppendJoin(", ", AbdomenLabels.Organs.Select(o => AbdomenLabels.NameOf(o))
            .Select(o => string.Create(CultureInfo.InvariantCulture, $"{o} {MeanMillilitres(o):F0} mL")));
        return text.ToString();
    }
}
