using System.Text.Json;

namespace Platform.Preprocessing.Asparagus;

/// <summary>
/// Asparagus' <c>paths.json</c>: the processed samples of a task, each mapped to the case it stands for.
/// <para>
/// Format, as read in Sllambias/asparagus_preprocessing (fce45b3): <c>utils/metadata_generation.py</c>
/// <c>postprocess_standard_dataset</c> saves <c>recursive_find_files(target_dir, in_extensions + [".pt"])</c> with
/// <c>enhanced_save_json</c>: one JSON list of strings, the absolute path of every processed sample under
/// <c>$ASPARAGUS_DATA/&lt;task_name&gt;/</c> (<c>utils/detect.py</c> <c>recompute_paths</c> rewrites it the same way).
/// <c>scripts/split.py</c> (<c>asp_split</c>) splits this list. The paths are never opened here: each names a case
/// by its file name (<see cref="AsparagusSamplePaths"/>).
/// </para>
/// </summary>
public static class AsparagusPathsJson
{
    public const string FileName = "paths.json";

    /// <summary>More samples than this are refused; FOMO300K, the largest Asparagus dataset, has about 300,000.</summary>
    public const int MaxSamples = 1_000_000;

    /// <summary>At most this many problems are listed, then a count of the rest.</summary>
    private const int MaxProblems = 100;

    /// <summary>Parses and checks every entry; throws <see cref="AsparagusFormatException"/> naming each bad entry by its index.</summary>
    public static IReadOnlyList<AsparagusSample> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = AsparagusJson.Parse(json, FileName);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
            throw new AsparagusFormatException([$"{FileName}: the top level must be a list of sample paths"]);
        var count = root.GetArrayLength();
        if (count == 0)
            throw new AsparagusFormatException([$"{FileName}: lists no samples"]);
        if (count > MaxSamples)
            throw new AsparagusFormatException([$"{FileName}: lists {count} samples; at most {MaxSamples} are read"]);

        var problems = new List<string>();
        var samples = new List<AsparagusSample>(count);
        var firstEntryOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var where = $"{FileName} entry {index}";
            if (item.ValueKind != JsonValueKind.String)
                problems.Add($"{where}: holds {AsparagusJson.Shorten(item.GetRawText())}, not a sample path");
            else if (AsparagusSamplePaths.NameOf(item.GetString()!, out var problem) is not { } caseId)
                problems.Add($"{where}: {problem}");
            else if (firstEntryOf.TryGetValue(caseId, out var first))
                problems.Add($"{where}: '{item.GetString()}' names case '{caseId}' again (entry {first} named it first); case names must be unique within a task");
            else
            {
                firstEntryOf[caseId] = index;
                samples.Add(new AsparagusSample(item.GetString()!, caseId));
            }
            index++;
        }

        if (problems.Count > 0)
            throw new AsparagusFormatException(problems.Count <= MaxProblems
                ? problems
                : [.. problems.Take(MaxProblems), $"{FileName}: and {problems.Count - MaxProblems} more problems"]);
        return samples;
    }
}

/// <summary>One processed sample: the path as the file wrote it (never opened) and the case it names.</summary>
public sealed record AsparagusSample(string Path, string CaseId);
