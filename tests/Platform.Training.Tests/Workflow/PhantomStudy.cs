using Platform.DemoData.Layouts;
using Platform.DemoData.Phantoms;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Planning;
using Platform.Training.Baselines;
using Platform.Training.Networks;

namespace Platform.Training.Tests.Workflow;

/// <summary>
/// A small study on generated CT-like phantoms (organ = 1, lesion = 2; anisotropic, in five orientations),
/// preprocessed as a plan would: RAS, 2 × 2 × 4 mm, CT clipping and z-score with the phantoms' organ statistics.
/// </summary>
internal static class PhantomStudy
{
    public static readonly PhantomOptions Phantoms = new() { Shape = new Shape3(64, 64, 24), Spacing = new Vector3D(1.5, 1.5, 4.0) };

    public static readonly Shape3 Patch = new(32, 32, 16);

    public static CasePreprocessingSettings Settings { get; } = new()
    {
        TargetSpacing = new Vector3D(2, 2, 4),
        // Foreground of the phantoms: organ 85–110 HU, lesions 10–35 HU, noise σ 20 HU.
        Normalization = [ChannelNormalization.Ct(-30, 160, 85, 30)],
    };

    /// <summary>Writes <paramref name="cases"/> phantoms in FRAN's layout and preprocesses them; returns the output folder.</summary>
    public static async Task<(string Folder, IReadOnlyList<string> CaseIds)> PrepareAsync(string root, int cases, int seed)
    {
        var raw = Path.Combine(root, "raw");
        var report = DemoDataset.WriteFran(raw, "phantom", cases, seed, Phantoms);
        var sources = report.GoodCases.Select(id => new CaseSource(id,
            [Path.Combine(raw, "images", $"phantom_{id}.nii.gz")], Path.Combine(raw, "lms", $"phantom_{id}.nii.gz"))).ToList();
        var output = Path.Combine(root, "preprocessed");
        var result = await DatasetPreprocessor.RunAsync(new DatasetPreprocessingRequest { OutputFolder = output, Cases = sources, Settings = Settings });
        Assert.Empty(result.Failures);
        return (output, report.GoodCases);
    }

    /// <summary>The intensity-window baseline's mean Dice per label over <paramref name="validation"/> (cases where it is defined).</summary>
    public static IReadOnlyDictionary<int, double> WindowBaselineDice(string folder, IEnumerable<string> training, IEnumerable<string> validation, int[] labels) =>
        PreprocessedBaselineDice.Score(folder, training, validation, labels)
            .ToDictionary(p => p.Key, p => p.Value.Where(d => !double.IsNaN(d)).DefaultIfEmpty(double.NaN).Average());

    /// <summary>A three-stage plain U-Net, 16–64 features, for three classes.</summary>
    public static NetworkDescription Network(bool deepSupervision = true) => new(NetworkArchitecture.PlainUNet, InputChannels: 1, Classes: 3,
    [
        new NetworkStage(16, [3, 3, 3], [1, 1, 1], 2),
        new NetworkStage(32, [3, 3, 3], [2, 2, 2], 2),
        new NetworkStage(64, [3, 3, 3], [2, 2, 2], 2),
    ], deepSupervision);
}
