using System.Text.Json;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Storage;

namespace Platform.Preprocessing.Datasets;

/// <summary>
/// Reads and writes <see cref="PreprocessedCaseRecord"/>s, which live in the storage format's metadata JSON
/// (<see cref="PreprocessedCaseReader.MetadataJson"/>), and tells complete cases from missing or broken ones.
/// </summary>
public static class PreprocessedCaseRecords
{
    /// <summary>Compact (not indented): foreground locations would otherwise take one line per number.</summary>
    private static readonly JsonSerializerOptions Options = new(CaseMetadataJson.Options) { WriteIndented = false };

    public static string Serialize(PreprocessedCaseRecord record) => JsonSerializer.Serialize(record, Options);

    /// <summary>Parses a record; <paramref name="source"/> names the file in the error.</summary>
    public static PreprocessedCaseRecord Deserialize(string json, string source)
    {
        try
        {
            var record = JsonSerializer.Deserialize<PreprocessedCaseRecord>(json, Options);
            if (record?.Metadata is null || record.Foreground is null || record.Statistics is null || record.CaseId is null)
                throw new InvalidDataException($"{source}: the case record lacks caseId, metadata, foreground or statistics.");
            return record;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: the case record is not valid ({e.Message}).", e);
        }
    }

    public static PreprocessedCaseRecord FromReader(PreprocessedCaseReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Deserialize(reader.MetadataJson, PreprocessedCaseFormat.MetadataPath(reader.Folder, reader.CaseId));
    }

    /// <summary>The record of a stored case; <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/> naming the file otherwise.</summary>
    public static PreprocessedCaseRecord Read(string folder, string caseId)
    {
        using var reader = PreprocessedCaseReader.Open(folder, caseId);
        return FromReader(reader);
    }

    /// <summary>
    /// True when the case's commit JSON, binary files (same write id) and record are all readable and its
    /// native label file, when the record names one, exists: what a rerun may skip.
    /// </summary>
    public static bool IsComplete(string folder, string caseId)
    {
        if (!File.Exists(PreprocessedCaseFormat.MetadataPath(folder, caseId)))
            return false;
        try
        {
            var record = Read(folder, caseId);
            return record.NativeLabelFile is not { } native || File.Exists(Path.Combine(folder, native));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Ids of the complete cases in <paramref name="folder"/>, sorted ordinally.</summary>
    public static IReadOnlyList<string> CompleteCaseIds(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        return Directory.EnumerateFiles(folder, "*" + PreprocessedCaseFormat.MetadataExtension)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(id => id != Path.GetFileNameWithoutExtension(PreprocessedDatasetSummary.FileName) && IsComplete(folder, id))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
