using System.Text.Json;
using Platform.Preprocessing.Cases;

namespace Platform.Preprocessing.Datasets;

/// <summary>
/// The completion marker of a preprocessed dataset folder, written by its preprocessing job as the last step of
/// a completed job (temp file, then rename), so a reader that finds it knows every case of the job is committed.
/// <paramref name="Fingerprints"/> lists the stored fingerprints whose cases the folder holds (0: none);
/// <paramref name="Jobs"/> counts the jobs that completed into the folder and <paramref name="Processed"/> the cases
/// they wrote, so "written once" can be checked.
/// </summary>
public sealed record DatasetCompletion(
    string DatasetKey,
    IReadOnlyList<long> Fingerprints,
    int Cases,
    int Jobs,
    int Processed,
    string LastJob,
    DateTimeOffset CompletedAt)
{
    /// <summary>Not a case metadata file (<c>*.json</c>), so case listings never mistake it for a case.</summary>
    public const string FileName = "dataset.complete";

    public bool Covers(string datasetKey, long fingerprint) => DatasetKey == datasetKey && Fingerprints.Contains(fingerprint);

    /// <summary>The folder's marker, or null when no job completed there (or the marker is unreadable: then it is not complete).</summary>
    public static async Task<DatasetCompletion?> ReadAsync(string folder, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<DatasetCompletion>(await File.ReadAllTextAsync(path, cancellationToken), CaseMetadataJson.Options);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Records one more completed job: the previous marker's counts plus this job's. Only the dataset's one writer
    /// calls this, after its last case; the unique temp name keeps it from touching anyone else's file.
    /// </summary>
    public static async Task<DatasetCompletion> RecordAsync(string folder, string datasetKey, long fingerprint, int cases, int processed, string job, DateTimeOffset at)
    {
        var previous = await ReadAsync(folder);
        var same = previous?.DatasetKey == datasetKey ? previous : null;
        var marker = new DatasetCompletion(
            datasetKey,
            [.. (same?.Fingerprints ?? []).Append(fingerprint).Distinct().Order()],
            cases,
            (same?.Jobs ?? 0) + 1,
            (same?.Processed ?? 0) + processed,
            job,
            at);
        var path = Path.Combine(folder, FileName);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(marker, CaseMetadataJson.Options));
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }

        return marker;
    }
}
