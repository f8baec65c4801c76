using Platform.DemoData.Abdomen;
using Platform.DemoData.Phantoms;

namespace Platform.DemoData.Layouts;

/// <summary>
/// What a writer produced: the good case ids and the defective ones with what is wrong with each (ids as the layout's
/// scanner names them). <see cref="Summary"/> describes the anatomy of the good cases where the generator keeps one
/// (the abdominal phantoms); it is null for the simple CT phantoms.
/// </summary>
public sealed record DemoDatasetReport(string Folder, IReadOnlyList<string> GoodCases, IReadOnlyDictionary<string, string> DefectiveCases)
{
    public AbdomenDatasetSummary? Summary { get; init; }
}

/// <summary>
/// Writes simple CT phantoms (<see cref="CtPhantom"/>) through <see cref="LayoutWriter"/> in FRAN's or nnU-Net's layout.
/// Labels: 0 background, 1 organ, 2 lesion. Case i uses seed <c>seed + i</c>.
/// </summary>
public static class DemoDataset
{
    public static readonly IReadOnlyDictionary<string, int> LabelNames = new Dictionary<string, int>
    {
        ["background"] = PhantomAnatomy.Background, ["organ"] = PhantomAnatomy.Organ, ["lesion"] = PhantomAnatomy.LesionLabel,
    };

    private static readonly DatasetDescription Description =
        new("Synthetic CT-like phantoms: body, spine, an organ (1) with lesions (2).", "CT", LabelNames);

    public static DemoDatasetReport WriteFran(string folder, string name, int cases, int seed = 0, PhantomOptions? options = null, DemoDefects defects = DemoDefects.None) =>
        LayoutWriter.WriteFran(folder, name, cases, seed, Generator(options), defects);

    public static DemoDatasetReport WriteNnUnet(string folder, string name, int cases, int seed = 0, PhantomOptions? options = null, DemoDefects defects = DemoDefects.None) =>
        LayoutWriter.WriteNnUnet(folder, name, cases, seed, Generator(options), Description, defects);

    private static Func<int, GeneratedCase> Generator(PhantomOptions? options)
    {
        options ??= new PhantomOptions();
        return seed =>
        {
            var phantom = CtPhantom.Generate(seed, options);
            return new GeneratedCase(phantom.Image, phantom.Label);
        };
    }
}
