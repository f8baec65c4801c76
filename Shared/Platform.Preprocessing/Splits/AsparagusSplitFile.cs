using System.Text.Json;
using Platform.Preprocessing.Asparagus;

namespace Platform.Preprocessing.Splits;

/// <summary>
/// Asparagus' split files.
/// <para>
/// Format, as read in Sllambias/asparagus_preprocessing (fce45b3) <c>asparagus_preprocessing/utils/splitting.py</c>
/// (<c>split</c>, <c>dynamic_split</c>; run by <c>scripts/split.py</c> <c>asp_split</c> and by
/// <c>utils/metadata_generation.py</c> when <c>dataset_config.split</c> is set) and saved with
/// <c>utils/saving.py</c> <c>enhanced_save_json</c> (indent 4, sorted keys), two files in the task folder:
/// <code>
/// split_80_10_10.json   [ {"train": [path, ...], "val": [path, ...]}, ... ]   five re-splits by default
/// TEST_80_10_10.json    [path, ...]                                           the held-out samples
/// </code>
/// The TEST file's name is the split file's with "split_" replaced by "TEST_" (so <c>BIDSsplit_40_10_50.json</c>
/// gets <c>BIDSTEST_40_10_50.json</c>). Paths are the absolute sample paths of <c>paths.json</c>
/// (<see cref="AsparagusSamplePaths"/>). Sllambias/asparagus (338450b) reads them in
/// <c>asparagus/pipeline/auto_configuration/experiment_setup.py</c>: <c>load_json(train_split_path)[cfg.data.fold]</c>
/// and <c>load_json(test_split_path)</c>, the paths set in <c>configs/core/base.yaml</c> as
/// <c>$ASPARAGUS_DATA/&lt;task&gt;/&lt;data.train_split&gt;.json</c> and <c>.../&lt;data.test_split&gt;.json</c>.
/// </para>
/// <para>
/// Asparagus' re-splits are drawn independently from one train+val pool (seed + i), so their validation sets overlap;
/// a platform split is disjoint folds. A file whose re-splits are disjoint folds (any file the platform wrote) imports
/// whole; otherwise one re-split is imported as a one-fold split, as Asparagus trains on one (<c>data.fold</c>).
/// </para>
/// </summary>
public static class AsparagusSplitFile
{
    /// <summary>More re-splits than this are refused: Asparagus writes five.</summary>
    public const int MaxResplits = 100;

    /// <summary>The TEST file Asparagus writes beside a split file.</summary>
    public static string TestFileName(string splitFileName) => splitFileName.Replace("split_", "TEST_", StringComparison.Ordinal);

    /// <summary>The split file (one entry per fold) and the TEST file, listing each case at its path under <paramref name="location"/>.</summary>
    public static (string Split, string Test) Write(SplitSet split, AsparagusSampleLocation location)
    {
        ArgumentNullException.ThrowIfNull(split);
        var splitJson = SplitJson.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var fold in split.Folds)
            {
                writer.WriteStartObject();
                SplitJson.WriteIds(writer, "train", fold.Train.Select(c => AsparagusSamplePaths.PathOf(location, c)));
                SplitJson.WriteIds(writer, "val", fold.Validation.Select(c => AsparagusSamplePaths.PathOf(location, c)));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });
        var testJson = SplitJson.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var testCase in split.Test)
                writer.WriteStringValue(AsparagusSamplePaths.PathOf(location, testCase));
            writer.WriteEndArray();
        });
        return (splitJson, testJson);
    }

    /// <summary>Parses, maps every sample to a case and validates; throws <see cref="SplitException"/> naming the file, re-split and sample of every problem.</summary>
    /// <param name="files">The split file's name and text, and the TEST file's text when there is one.</param>
    /// <param name="knownCaseIds">The project's usable cases; null skips the check that each sample is one.</param>
    /// <param name="resplit">The re-split to import as a one-fold split; null imports every re-split as a fold, which needs them disjoint.</param>
    public static SplitSet Read(AsparagusSplitText files, IReadOnlyCollection<string>? knownCaseIds, int? resplit = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var file = files.SplitFileName;
        var known = knownCaseIds?.ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var resplits = ReadResplits(files.SplitJson, file, known, problems);
        var test = files.TestJson is null ? [] : ReadTest(files.TestJson, TestFileName(file), known, problems);
        if (problems.Count > 0)
            throw new SplitException(problems);

        List<SplitFold> folds;
        if (resplit is { } chosen)
        {
            if (chosen < 0 || chosen >= resplits.Count)
                throw new SplitException([$"{file} has re-splits 0 to {resplits.Count - 1}; there is no re-split {chosen}"]);
            folds = [resplits[chosen]];
        }
        else
        {
            if (FirstOverlap(resplits) is { } overlap)
                throw new SplitException([$"{file}: its re-splits are not disjoint folds (case '{overlap.CaseId}' is validated in re-splits {overlap.First} and {overlap.Second}): import one re-split, as Asparagus trains on one (data.fold)"]);
            folds = resplits;
        }

        var split = new SplitSet(folds, test);
        var invalid = SplitValidator.Validate(split, knownCaseIds: null);
        if (invalid.Count > 0)
            throw new SplitException(invalid.Select(p => $"{file}: {p}").ToList());
        return split;
    }

    /// <summary>How many re-splits and test samples the files hold, and whether the re-splits are disjoint folds (so the file imports whole); throws <see cref="SplitException"/> for a malformed file.</summary>
    public static AsparagusSplitShape Describe(AsparagusSplitText files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();
        var resplits = ReadResplits(files.SplitJson, files.SplitFileName, known: null, problems);
        var test = files.TestJson is null ? [] : ReadTest(files.TestJson, TestFileName(files.SplitFileName), known: null, problems);
        if (problems.Count > 0)
            throw new SplitException(problems);
        return new AsparagusSplitShape(resplits.Count, test.Count, FirstOverlap(resplits) is null);
    }

    private static List<SplitFold> ReadResplits(string json, string file, HashSet<string>? known, List<string> problems)
    {
        using var document = SplitJson.Parse(json, file);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{file}: the top level must be a list of re-splits, each {{\"train\": [...], \"val\": [...]}}");
            return [];
        }
        var count = root.GetArrayLength();
        if (count == 0 || count > MaxResplits)
        {
            problems.Add(count == 0 ? $"{file}: there are no re-splits" : $"{file}: lists {count} re-splits; at most {MaxResplits} are read");
            return [];
        }

        var folds = new List<SplitFold>();
        var index = 0;
        foreach (var entry in root.EnumerateArray())
        {
            var where = $"{file} re-split {index++}";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where}: must be an object with \"train\" and \"val\"");
                continue;
            }
            folds.Add(new SplitFold(
                ToCases(SplitJson.ReadIds(entry, "train", where, problems), $"{where} train", known, problems),
                ToCases(SplitJson.ReadIds(entry, "val", where, problems), $"{where} val", known, problems)));
        }
        return folds;
    }

    private static List<string> ReadTest(string json, string file, HashSet<string>? known, List<string> problems)
    {
        using var document = SplitJson.Parse(json, file);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{file}: the top level must be a list of sample paths");
            return [];
        }
        var entries = new List<string>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
                entries.Add(item.GetString()!);
            else
                problems.Add($"{file}: holds {Shorten(item.GetRawText())}, not a sample path");
        }
        return ToCases(entries, file, known, problems);
    }

    /// <summary>The case of every sample path; each path that names no case is a problem.</summary>
    private static List<string> ToCases(List<string> entries, string where, HashSet<string>? known, List<string> problems)
    {
        var cases = new List<string>(entries.Count);
        foreach (var entry in entries)
        {
            if (AsparagusSamplePaths.NameOf(entry, out var problem) is not { } caseId)
                problems.Add($"{where}: {problem}");
            else if (known is not null && !known.Contains(caseId))
                problems.Add($"{where}: '{entry}' names case '{caseId}', which is not a usable case of the project");
            else
                cases.Add(caseId);
        }
        cases.Sort(StringComparer.Ordinal);
        return cases;
    }

    private static (string CaseId, int First, int Second)? FirstOverlap(List<SplitFold> resplits)
    {
        var validatedIn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < resplits.Count; i++)
        {
            foreach (var caseId in resplits[i].Validation.Distinct(StringComparer.Ordinal))
            {
                if (validatedIn.TryGetValue(caseId, out var earlier))
                    return (caseId, earlier, i);
                validatedIn[caseId] = i;
            }
        }
        return null;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";
}

/// <summary>An Asparagus split file as read from disk or an upload: its name (for messages and the TEST file's name), its text and the TEST file's text.</summary>
public sealed record AsparagusSplitText(string SplitFileName, string SplitJson, string? TestJson);

/// <summary>What an Asparagus split file holds: its re-splits, its TEST file's samples, and whether the re-splits are disjoint folds.</summary>
public sealed record AsparagusSplitShape(int Resplits, int TestSamples, bool DisjointFolds);
