using Platform.Preprocessing.Splits;

namespace Platform.Preprocessing.Asparagus;

/// <summary>
/// A task folder Asparagus' preprocessing wrote (<c>$ASPARAGUS_DATA/&lt;task&gt;/</c>, see
/// Sllambias/asparagus_preprocessing <c>docs/example_directory_structure.md</c>): <c>dataset.json</c>,
/// <c>paths.json</c>, split files and their TEST files beside the samples. Only those JSON files are read, by their
/// fixed names in the folder given; no path written inside them is opened.
/// </summary>
/// <param name="Folder">The folder read.</param>
/// <param name="Dataset">dataset.json.</param>
/// <param name="Samples">paths.json, each sample with its case.</param>
/// <param name="Splits">Every split file (<c>*split_*.json</c>, not Asparagus' <c>*_scratch.json</c> copies) with its TEST file's text when present, by name.</param>
public sealed record AsparagusTaskFolder(string Folder, AsparagusDatasetJson Dataset, IReadOnlyList<AsparagusSample> Samples, IReadOnlyList<AsparagusSplitText> Splits)
{
    /// <summary>Larger files are refused before they are read.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>Reads and checks the folder; throws <see cref="AsparagusFormatException"/> naming each missing or wrong file and entry.</summary>
    public static AsparagusTaskFolder Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
            throw new AsparagusFormatException([$"{folder} is not a folder"]);

        var problems = new List<string>();
        var dataset = Attempt(() => AsparagusDatasetJson.Parse(ReadFile(folder, AsparagusDatasetJson.FileName)), problems);
        var samples = Attempt(() => AsparagusPathsJson.Parse(ReadFile(folder, AsparagusPathsJson.FileName)), problems);
        var splits = new List<AsparagusSplitText>();
        foreach (var path in Directory.EnumerateFiles(folder, "*split_*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith("_scratch.json", StringComparison.Ordinal))
                continue;
            var testName = AsparagusSplitFile.TestFileName(name);
            var hasTest = File.Exists(Path.Combine(folder, testName));
            var texts = Attempt(() => (Split: ReadFile(folder, name), Test: hasTest ? ReadFile(folder, testName) : null), problems);
            if (texts.Split is not null)
                splits.Add(new AsparagusSplitText(name, texts.Split, texts.Test));
        }

        if (problems.Count > 0)
            throw new AsparagusFormatException(problems);
        return new AsparagusTaskFolder(folder, dataset!, samples!, splits);
    }

    private static string ReadFile(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
            throw new AsparagusFormatException([$"{name} is missing from {folder}"]);
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
            throw new AsparagusFormatException([$"{name} is {length / 1024 / 1024} MiB; at most {MaxFileBytes / 1024 / 1024} MiB is read"]);
        return File.ReadAllText(path);
    }

    private static T? Attempt<T>(Func<T> read, List<string> problems)
    {
        try
        {
            return read();
        }
        catch (AsparagusFormatException e)
        {
            problems.AddRange(e.Problems);
            return default;
        }
    }
}
