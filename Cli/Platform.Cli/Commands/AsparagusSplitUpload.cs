using Platform.Grains.Abstractions.Splits;
using Platform.Preprocessing.Splits;

namespace Platform.Cli.Commands;

/// <summary>An Asparagus split file and its TEST file read from disk for <see cref="ISplitGrain.ImportAsparagusAsync"/>.</summary>
public static class AsparagusSplitUpload
{
    /// <param name="splitPath">The split file.</param>
    /// <param name="testPath">The TEST file; null reads the one Asparagus writes beside the split file, when it is there.</param>
    /// <param name="resplit">The re-split to import, or null for all.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<AsparagusSplitImport> ReadAsync(string splitPath, string? testPath, int? resplit, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(splitPath);
        var test = testPath ?? Path.Combine(Path.GetDirectoryName(splitPath) ?? ".", AsparagusSplitFile.TestFileName(name));
        if (testPath is not null && !File.Exists(testPath))
            throw CliException.Usage($"TEST file {testPath} does not exist.");
        var testJson = File.Exists(test) && test != splitPath ? await File.ReadAllTextAsync(test, cancellationToken) : null;
        return new AsparagusSplitImport(name, await File.ReadAllTextAsync(splitPath, cancellationToken), testJson, resplit);
    }
}
