using System.Text.RegularExpressions;
using Platform.Imaging.IO;
using Platform.Preprocessing.Datasets;
using Platform.Training.Evaluation;

namespace Platform.Training.Inference;

/// <summary>
/// One case found in an input folder: its image files in channel order, or why it cannot be predicted.
/// A single file may itself hold several channels (a 4D NIfTI).
/// </summary>
public sealed record PredictionInput(string CaseId, IReadOnlyList<string> Files, string? Problem = null)
{
    /// <summary>The case's imported label map (a localiser's prediction) when an imported-labels folder was given.</summary>
    public string? ImportedLabel { get; init; }
}

/// <summary>
/// Finds the cases of a folder of new images. Files named <c>{case}_{XXXX}.ext</c> (four digits, nnU-Net's
/// channel naming) are channel XXXX of {case}; any other image file is a case of its own, named by the file.
/// Hidden files and files of no image format are ignored. With an imported-labels folder, each case also takes its
/// imported label map from there (<see cref="ImportedLabelFiles"/>: named by the case id); a case without one cannot
/// be predicted.
/// </summary>
public static partial class PredictionInputs
{
    public static IReadOnlyList<PredictionInput> Discover(string folder, string? importedLabelsFolder = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Input folder {folder} does not exist.");
        if (importedLabelsFolder is not null && !Directory.Exists(importedLabelsFolder))
            throw new DirectoryNotFoundException($"Imported-labels folder {importedLabelsFolder} does not exist.");
        var channelFiles = new Dictionary<string, SortedDictionary<int, string>>(StringComparer.Ordinal);
        var singleFiles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') || !ImageFile.IsSupported(path))
                continue;
            var stem = ImageFileNames.Stem(name);
            var match = ChannelSuffix().Match(stem);
            if (match.Success)
            {
                var id = match.Groups["case"].Value;
                if (!channelFiles.TryGetValue(id, out var channels))
                    channelFiles[id] = channels = [];
                // Two files for one channel (e.g. .nii and .nii.gz) keep the first; Problem() reports the clash.
                if (!channels.TryAdd(int.Parse(match.Groups["channel"].Value, System.Globalization.CultureInfo.InvariantCulture), path))
                    AddSingle(singleFiles, id, path);
            }
            else
            {
                AddSingle(singleFiles, stem, path);
            }
        }

        var cases = new List<PredictionInput>();
        foreach (var id in channelFiles.Keys.Union(singleFiles.Keys).Order(StringComparer.Ordinal))
        {
            channelFiles.TryGetValue(id, out var channels);
            singleFiles.TryGetValue(id, out var singles);
            cases.Add(Describe(id, channels, singles));
        }

        return importedLabelsFolder is null ? cases : [.. cases.Select(c => WithImportedLabel(c, importedLabelsFolder))];
    }

    private static PredictionInput WithImportedLabel(PredictionInput input, string folder)
    {
        if (input.Problem is not null)
            return input;
        return ImportedLabelFiles.Find(folder, input.CaseId) is { } file
            ? input with { ImportedLabel = file }
            : input with { Problem = $"Case {input.CaseId}: {ImportedLabelFiles.Missing(folder, input.CaseId)}" };
    }

    private static void AddSingle(Dictionary<string, List<string>> singles, string id, string path)
    {
        if (!singles.TryGetValue(id, out var list))
            singles[id] = list = [];
        list.Add(path);
    }

    private static PredictionInput Describe(string id, SortedDictionary<int, string>? channels, List<string>? singles)
    {
        if (channels is not null && singles is not null)
            return new PredictionInput(id, [.. channels.Values, .. singles],
                $"Case {id}: more than one file claims the same image ({string.Join(", ", singles.Select(Path.GetFileName))} besides the channel files).");
        if (singles is not null)
            return singles.Count == 1
                ? new PredictionInput(id, singles)
                : new PredictionInput(id, singles, $"Case {id}: {singles.Count} files share the name ({string.Join(", ", singles.Select(Path.GetFileName))}).");
        var missing = Enumerable.Range(0, channels!.Keys.Max() + 1).Where(c => !channels.ContainsKey(c)).ToArray();
        return missing.Length == 0
            ? new PredictionInput(id, [.. channels.Values])
            : new PredictionInput(id, [.. channels.Values], $"Case {id}: channel file(s) {string.Join(", ", missing.Select(c => $"{id}_{c:D4}"))} missing.");
    }

    [GeneratedRegex(@"^(?<case>.+)_(?<channel>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelSuffix();
}
