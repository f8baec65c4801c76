using System.Text.Json;

namespace Platform.Preprocessing.Splits;

/// <summary>
/// nnU-Net v2's <c>splits_final.json</c>: a JSON list with one <c>{"train": [...], "val": [...]}</c>
/// object per fold. The format has no test set: writing drops <see cref="SplitSet.Test"/> (those
/// cases are in no fold anyway) and reading gives an empty one.
/// </summary>
public static class NnUNetSplitsFile
{
    private const string Format = "splits_final.json";

    public static string Write(SplitSet split) => SplitJson.Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var fold in split.Folds)
        {
            writer.WriteStartObject();
            SplitJson.WriteIds(writer, "train", fold.Train);
            SplitJson.WriteIds(writer, "val", fold.Validation);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });

    /// <summary>Parses and validates; throws <see cref="SplitException"/> listing every problem.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="knownCaseIds">The project's cases; ids outside it are errors. Null skips that check.</param>
    public static SplitSet Read(string json, IReadOnlyCollection<string>? knownCaseIds)
    {
        using var document = SplitJson.Parse(json, Format);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            throw new SplitException([$"{Format}: the top level must be a list of folds"]);

        var problems = new List<string>();
        var folds = new List<SplitFold>();
        var index = 0;
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var where = $"{Format} fold {index++}";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where}: must be an object with \"train\" and \"val\"");
                continue;
            }
            folds.Add(new SplitFold(
                SplitJson.ReadIds(entry, "train", where, problems),
                SplitJson.ReadIds(entry, "val", where, problems)));
        }
        if (folds.Count == 0 && problems.Count == 0)
            problems.Add($"{Format}: there are no folds");

        var split = new SplitSet(folds, []);
        problems.AddRange(SplitValidator.Validate(split, knownCaseIds));
        if (problems.Count > 0)
            throw new SplitException(problems);
        return split;
    }
}
