using Platform.Preprocessing.Storage;
using Platform.Training.Baselines;

namespace Platform.Quality.Benchmarks;

/// <summary>
/// The intensity-window baseline's Dice per case and label: windows fitted on the training cases' preprocessed
/// (normalised) images, scored on other cases in the same preprocessed space (the network is scored in native
/// space; the resampling between the two changes a Dice by far less than the margins this figure is read for).
/// </summary>
internal static class BaselineDice
{
    /// <summary>Per label, the Dice of each scored case (NaN where neither side has the label).</summary>
    public static Dictionary<int, List<double>> Score(string preprocessedFolder, IReadOnlyList<string> trainingCases, IReadOnlyList<string> scoredCases, IReadOnlyList<int> labels)
    {
        var baseline = IntensityWindowBaseline.Fit([.. trainingCases.Select(id => Read(preprocessedFolder, id))], labels);
        var dice = labels.ToDictionary(l => l, _ => new List<double>());
        foreach (var id in scoredCases)
        {
            var (image, label) = Read(preprocessedFolder, id);
            foreach (var l in labels)
                dice[l].Add(baseline.Dice(image, label, l));
        }
        return dice;
    }

    private static (float[] Image, byte[] Label) Read(string folder, string caseId)
    {
        using var reader = PreprocessedCaseReader.Open(folder, caseId);
        var label = reader.ReadLabel() ?? throw new InvalidOperationException($"Preprocessed case '{caseId}' has no label.");
        return (reader.ReadChannel(0).Data, label.Data);
    }
}
