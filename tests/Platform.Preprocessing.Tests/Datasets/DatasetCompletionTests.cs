using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Tests.Storage;

namespace Platform.Preprocessing.Tests.Datasets;

public sealed class DatasetCompletionTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_folder_without_a_marker_is_not_complete_and_each_recorded_job_adds_to_the_counts()
    {
        using var folder = new TempFolder();
        Assert.Null(await DatasetCompletion.ReadAsync(folder.Path));

        await DatasetCompletion.RecordAsync(folder.Path, "tiny_abc", fingerprint: 7, cases: 4, processed: 4, job: "j1", At);
        var second = await DatasetCompletion.RecordAsync(folder.Path, "tiny_abc", fingerprint: 9, cases: 5, processed: 1, job: "j2", At.AddHours(1));

        var read = await DatasetCompletion.ReadAsync(folder.Path);
        Assert.NotNull(read);
        Assert.Equal((second.DatasetKey, second.CompletedAt), (read.DatasetKey, read.CompletedAt));
        Assert.Equal((2, 5, 5, "j2"), (read.Jobs, read.Processed, read.Cases, read.LastJob));
        Assert.Equal([7L, 9L], read.Fingerprints);
        Assert.True(read.Covers("tiny_abc", 7));
        Assert.False(read.Covers("tiny_abc", 8));
        Assert.False(read.Covers("other_abc", 7));
        // Written by rename: no temporary stays behind, and the marker is not a case metadata file.
        Assert.Equal([DatasetCompletion.FileName], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
        Assert.Empty(PreprocessedCaseRecords.CompleteCaseIds(folder.Path));
    }

    [Fact]
    public async Task An_unreadable_marker_counts_as_not_complete()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, DatasetCompletion.FileName), "{\"datasetKey\": tru");

        Assert.Null(await DatasetCompletion.ReadAsync(folder.Path));
    }
}
