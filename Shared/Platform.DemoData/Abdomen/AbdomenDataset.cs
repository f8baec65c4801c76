using Platform.DemoData.Layouts;

namespace Platform.DemoData.Abdomen;

/// <summary>
/// Writes abdominal phantoms (<see cref="AbdomenPhantom"/>) through <see cref="LayoutWriter"/> in FRAN's or nnU-Net's
/// layout. Labels are <see cref="AbdomenLabels.Names"/>; the channel is "CT" or "MR". Good case i uses seed
/// <c>seed + i</c>; the report's <see cref="DemoDatasetReport.Summary"/> describes the good cases.
/// </summary>
public static class AbdomenDataset
{
    public static DemoDatasetReport WriteFran(string folder, string name, int cases, int seed = 0, AbdomenOptions? options = null, DemoDefects defects = DemoDefects.None)
    {
        var summaries = new Dictionary<int, AbdomenCaseSummary>();
        var report = LayoutWriter.WriteFran(folder, name, cases, seed, Generator(options, summaries), defects);
        return WithSummary(report, seed, summaries);
    }

    public static DemoDatasetReport WriteNnUnet(string folder, string name, int cases, int seed = 0, AbdomenOptions? options = null, DemoDefects defects = DemoDefects.None)
    {
        var summaries = new Dictionary<int, AbdomenCaseSummary>();
        var report = LayoutWriter.WriteNnUnet(folder, name, cases, seed, Generator(options, summaries), Describe(options ?? new AbdomenOptions()), defects);
        return WithSummary(report, seed, summaries);
    }

    public static DatasetDescription Describe(AbdomenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var modality = options.Modality == AbdomenModality.Ct ? "CT" : "MR";
        return new DatasetDescription(
            $"Synthetic abdominal {modality} phantoms: liver (1), kidneys (2), spleen (3) and small low-contrast lesions (4) in liver and kidneys.",
            modality, AbdomenLabels.Names);
    }

    /// <summary>Generates each case and keeps its summary by seed (defective cases are generated too; only good ones are reported).</summary>
    private static Func<int, GeneratedCase> Generator(AbdomenOptions? options, Dictionary<int, AbdomenCaseSummary> summaries)
    {
        options ??= new AbdomenOptions();
        options.Validate();
        return seed =>
        {
            var generated = AbdomenPhantom.Generate(seed, options);
            summaries[seed] = generated.Summary;
            return new GeneratedCase(generated.Image, generated.Label);
        };
    }

    /// <summary>Good case i was generated from seed + i, in the report's order.</summary>
    private static DemoDatasetReport WithSummary(DemoDatasetReport report, int seed, Dictionary<int, AbdomenCaseSummary> summaries) =>
        report with { Summary = new AbdomenDatasetSummary(report.GoodCases.Select((id, i) => (id, summary: summaries[seed + i])).ToDictionary(p => p.id, p => p.summary)) };
}
