using System.Text.Json;

namespace Platform.Preprocessing.Splits;

/// <summary>
/// nnU-Net v2's <c>splits_final.json</c>: a JSON list with one <c>{"train": [...], "val": [...]}</c>
/// object per fold. The format has no test set: writing drops <see cref="SplitSet.Test"/> (those
/// cases are in no fold anyway) and reading gives an empty one. Cases are listed by nnU-Net's identifiers (the image
/// file names), which <see cref="CaseNameMap"/> turns into the platform's case ids and back.
/// </summary>
public static class NnUNetSplitsFile
{
    private const string Format = "splits_final.json";

    /// <param name="split">The split, by case id.</param>
    /// <param name="names">nnU-Net's identifier of each case.</param>
    public static string Write(SplitSet split, CaseNameMap names) => SplitJson.Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var fold in names.ToNames(split).Folds)
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
    /// <param name="names">The project's cases and their nnU-Net identifiers; a name that is neither an identifier nor a case id is an error.</param>
    /// <returns>The split by case id.</returns>
    public static SplitSet Read(string json, CaseNameMap names)
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

        var split = names.ToCaseIds(new SplitSet(folds, []));
        problems.AddRange(SplitValidator.Validate(split, names.CaseIds));
        if (problems.Count > 0)
            throw new SplitException(problems);
        return split;
    }
}
