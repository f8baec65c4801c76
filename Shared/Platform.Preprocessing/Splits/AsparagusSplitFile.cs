using System.Text.Json;

namespace Platform.Preprocessing.Splits;

/// <summary>
/// Asparagus-style split file. The shape we write and read:
/// <code>
/// [
///   { "train": ["c01", ...], "val": ["c07", ...], "test": ["c11", ...] },   // split / fold 0
///   { "train": [...],        "val": [...],        "test": [...] }          // split / fold 1 ...
/// ]
/// </code>
/// one object per split, as Asparagus keeps its repeated splits in a list, each with the same
/// three keys. A single top-level object (one split) is also accepted on import. Our splits have
/// one test set shared by all folds, so every entry carries the same "test" list; an imported file
/// whose entries disagree on "test" is refused (naming the cases), because Asparagus' repeated
/// re-splits are not disjoint folds. A missing "test" reads as empty.
/// </summary>
public static class AsparagusSplitFile
{
    private const string Format = "Asparagus split file";

    public static string Write(SplitSet split) => SplitJson.Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var fold in split.Folds)
        {
            writer.WriteStartObject();
            SplitJson.WriteIds(writer, "train", fold.Train);
            SplitJson.WriteIds(writer, "val", fold.Validation);
            SplitJson.WriteIds(writer, "test", split.Test);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });

    public static SplitSet Read(string json, IReadOnlyCollection<string>? knownCaseIds)
    {
        using var document = SplitJson.Parse(json, Format);
        var root = document.RootElement;
        var entries = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object => [root],
            _ => throw new SplitException([$"{Format}: the top level must be a list of splits or one split object"]),
        };

        var problems = new List<string>();
        var folds = new List<SplitFold>();
        List<string>? test = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var where = $"{Format} split {i}";
            if (entries[i].ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where}: must be an object with \"train\", \"val\" and \"test\"");
                continue;
            }
            folds.Add(new SplitFold(
                SplitJson.ReadIds(entries[i], "train", where, problems),
                SplitJson.ReadIds(entries[i], "val", where, problems)));
            var entryTest = SplitJson.ReadIds(entries[i], "test", where, problems, required: false);
            if (test is null)
                test = entryTest;
            else
                CompareTest(test, entryTest, where, problems);
        }
        if (folds.Count == 0 && problems.Count == 0)
            problems.Add($"{Format}: there are no splits");

        var split = new SplitSet(folds, test ?? []);
        problems.AddRange(SplitValidator.Validate(split, knownCaseIds));
        if (problems.Count > 0)
            throw new SplitException(problems);
        return split;
    }

    private static void CompareTest(List<string> first, List<string> other, string where, List<string> problems)
    {
        var a = first.ToHashSet(StringComparer.Ordinal);
        var b = other.ToHashSet(StringComparer.Ordinal);
        var onlyHere = b.Except(a).Order(StringComparer.Ordinal).ToList();
        var missingHere = a.Except(b).Order(StringComparer.Ordinal).ToList();
        if (onlyHere.Count > 0)
            problems.Add($"{where}: test cases [{string.Join(", ", onlyHere)}] are not in split 0's test set");
        if (missingHere.Count > 0)
            problems.Add($"{where}: test set lacks [{string.Join(", ", missingHere)}] from split 0");
    }
}
