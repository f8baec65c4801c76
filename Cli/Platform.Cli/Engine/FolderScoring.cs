using Platform.Imaging.Volumes;
using Platform.Training.Evaluation;

namespace Platform.Cli.Engine;

/// <summary>
/// Pairs predicted and reference label maps by case name (the file name without its image extension, so
/// case.nii.gz scores against case.nii) and scores them with the engine's evaluator.
/// </summary>
public static class FolderScoring
{
    public static EvaluationSummary Score(string predictionFolder, string referenceFolder, IReadOnlyList<int>? labels)
    {
        foreach (var folder in new[] { predictionFolder, referenceFolder })
            if (!Directory.Exists(folder))
                throw CliException.Usage($"Folder {folder} does not exist.");
        var predictions = ImagesByCase(predictionFolder);
        var references = ImagesByCase(referenceFolder);
        if (references.Count == 0)
            throw CliException.Usage($"{referenceFolder} holds no label maps.");

        var loaded = new List<(string CaseId, Volume<byte>? Prediction, Volume<byte>? Reference, string? Error)>();
        foreach (var (caseId, referencePath) in references)
        {
            try
            {
                var reference = ByteLabels.Read(referencePath);
                loaded.Add(predictions.TryGetValue(caseId, out var predictionPath)
                    ? (caseId, ByteLabels.Read(predictionPath), reference, null)
                    : (caseId, null, reference, $"no prediction for case {caseId} in {predictionFolder}"));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or Platform.Imaging.IO.ImageFormatException)
            {
                loaded.Add((caseId, null, null, e.Message));
            }
        }

        var scored = labels ?? [.. loaded.Where(c => c.Reference is not null).SelectMany(c => LabelsIn(c.Reference!)).Distinct().Order()];
        var cases = loaded.Select(c => c.Error is null ? Evaluate(c.CaseId, c.Prediction!, c.Reference!, scored) : new CaseEvaluation(c.CaseId, [], c.Error)).ToList();
        return SegmentationEvaluator.Summarize(cases);
    }

    private static CaseEvaluation Evaluate(string caseId, Volume<byte> prediction, Volume<byte> reference, IReadOnlyList<int> labels)
    {
        try
        {
            return SegmentationEvaluator.EvaluateCase(caseId, prediction, reference, labels);
        }
        catch (ArgumentException e)
        {
            return new CaseEvaluation(caseId, [], e.Message); // e.g. a prediction on another grid than its reference
        }
    }

    private static IEnumerable<int> LabelsIn(Volume<byte> volume) => volume.Data.Distinct().Where(v => v != 0).Select(v => (int)v);

    private static Dictionary<string, string> ImagesByCase(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && Platform.Imaging.IO.ImageFile.IsSupported(f))
            .GroupBy(f => ImageFileNames.Stem(Path.GetFileName(f)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).First(), StringComparer.Ordinal);
}
