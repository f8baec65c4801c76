using Platform.Preprocessing.Storage;

namespace Platform.Training.Baselines;

/// <summary>
/// The <see cref="IntensityWindowBaseline"/> on a preprocessed store: windows fitted on the training cases'
/// normalised first channel, scored on other cases in the same preprocessed space. A network is scored in native
/// space; the resampling between the two moves a Dice far less than the margins this figure is read for.
/// </summary>
public static class PreprocessedBaselineDice
{
    /// <summary>Per label, the baseline's Dice of each scored case (NaN where neither side has the label).</summary>
    public static Dictionary<int, List<double>> Score(string preprocessedFolder, IEnumerable<string> trainingCases, IEnumerable<string> scoredCases, IReadOnlyList<int> labels)
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
        var label = reader.ReadLabel() ?? throw new InvalidOperationException($"Preprocessed case '{caseId}' in {folder} has no label.");
        return (reader.ReadChannel(0).Data, label.Data);
    }
}
