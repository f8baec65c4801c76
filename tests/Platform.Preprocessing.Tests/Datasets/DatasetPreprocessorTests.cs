using Platform.Imaging.IO;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Storage;
using Platform.Preprocessing.Tests.Storage;

namespace Platform.Preprocessing.Tests.Datasets;

public sealed class DatasetPreprocessorTests
{
    [Fact]
    public async Task Good_cases_are_stored_and_a_bad_case_is_reported_with_its_file()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        var bad = DatasetTestCases.Write(input.Path, "bad", labelGeometry: DatasetTestCases.Geometry(new Vector3D(2, 1, 1)));
        var request = Request(output.Path, DatasetTestCases.Write(input.Path, "a"), bad, DatasetTestCases.Write(input.Path, "b", value: 300));

        var report = await DatasetPreprocessor.RunAsync(request);

        Assert.Equal((3, 2, 0, 1), (report.Total, report.Processed, report.Skipped, report.Failed));
        var failure = Assert.Single(report.Failures);
        Assert.Equal("bad", failure.CaseId);
        Assert.Contains(bad.LabelPath!, failure.Reason, StringComparison.Ordinal);
        Assert.Contains("grid", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], PreprocessedCaseRecords.CompleteCaseIds(output.Path));
        Assert.True(report.InputBytes > 0);

        // The nonzero crop is [2,22)×[2,18)×[1,9): 20×16×8; labels keep 32 voxels each.
        var record = PreprocessedCaseRecords.Read(output.Path, "a");
        Assert.Equal([20, 16, 8], record.Statistics.Shape);
        Assert.Equal(32, record.Statistics.LabelVoxels[1]);
        Assert.Equal(10, record.Foreground[1].Length); // the cap
        using (var reader = PreprocessedCaseReader.Open(output.Path, "a"))
        {
            var label = new byte[reader.Shape.VoxelCount];
            reader.ReadLabelPatch(label, new VoxelIndex(0, 0, 0), reader.Shape);
            foreach (var location in record.ForegroundLocations(reader.Shape)[2])
                Assert.Equal(2, label[location.X + (reader.Shape.X * (location.Y + (reader.Shape.Y * location.Z)))]);
        }

        // The native label is the label in its original grid.
        var native = (Volume<byte>)ImageFile.ReadVolume(Path.Combine(output.Path, record.NativeLabelFile!));
        Assert.Equal(DatasetTestCases.Label(DatasetTestCases.Geometry()).Data, native.Data);

        // Summary: 2 cases, intensities 100 and 300 unnormalised, labels in both.
        var summary = DatasetSummaryBuilder.Read(output.Path);
        Assert.Equal(2, summary.CaseCount);
        Assert.Equal([20, 16, 8], summary.Shape.Median);
        Assert.Equal(200, summary.Channels[0].Mean, 6);
        Assert.Equal(100, summary.Channels[0].StandardDeviation, 6);
        Assert.Equal((100.0, 300.0), (summary.Channels[0].Min, summary.Channels[0].Max));
        Assert.Equal([new LabelSummary(1, 64, 2), new LabelSummary(2, 64, 2)], summary.Labels);
        Assert.Equal("bad", Assert.Single(summary.FailedCases).CaseId);
    }

    [Fact]
    public async Task A_rerun_skips_complete_cases_redoes_incomplete_ones_and_leaves_other_writers_temporaries_alone()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        var request = Request(output.Path, DatasetTestCases.Write(input.Path, "a"), DatasetTestCases.Write(input.Path, "b"));
        await DatasetPreprocessor.RunAsync(request);
        var firstWrite = PreprocessedCaseReader.Open(output.Path, "a").WriteIdAndDispose();
        // A crash after the arrays but before the native label: the case is not complete.
        File.Delete(Path.Combine(output.Path, DatasetPreprocessor.NativeLabelFile("b")));
        // Another writer's temporary (or a killed one's): not ours to delete, and never read as a case.
        File.WriteAllText(Path.Combine(output.Path, "a.img.0123.tmp"), "another writer's bytes");

        var progress = new List<DatasetPreprocessingProgress>();
        var report = await DatasetPreprocessor.RunAsync(request, new SynchronousProgress(progress));

        Assert.Equal((1, 1, 0), (report.Processed, report.Skipped, report.Failed));
        Assert.Equal(firstWrite, PreprocessedCaseReader.Open(output.Path, "a").WriteIdAndDispose());
        Assert.True(PreprocessedCaseRecords.IsComplete(output.Path, "b"));
        Assert.Equal("another writer's bytes", File.ReadAllText(Path.Combine(output.Path, "a.img.0123.tmp")));
        Assert.Equal(["a", "b"], PreprocessedCaseRecords.CompleteCaseIds(output.Path));
        Assert.Equal(2, report.Summary.CaseCount);
        Assert.Equal(new DatasetPreprocessingProgress(2, 0, 0, 0, null), progress[0]);
        Assert.Equal(2, progress[^1].Finished);
    }

    [Fact]
    public async Task Cancel_stops_between_cases_and_leaves_only_complete_cases()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        var cases = Enumerable.Range(0, 4).Select(i => DatasetTestCases.Write(input.Path, $"c{i}")).ToArray();
        var request = Request(output.Path, cases) with { MaxParallelism = 1 };
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress([], p =>
        {
            if (p.Done == 1)
                cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DatasetPreprocessor.RunAsync(request, progress, cancel.Token));

        var complete = PreprocessedCaseRecords.CompleteCaseIds(output.Path);
        Assert.Equal(["c0"], complete);
        Assert.Empty(Directory.EnumerateFiles(output.Path, "*.tmp"));
        var resumed = await DatasetPreprocessor.RunAsync(request);
        Assert.Equal((3, 1), (resumed.Processed, resumed.Skipped));
    }

    [Fact]
    public async Task Request_errors_are_refused_before_anything_runs()
    {
        using var output = new TempFolder();
        var source = new CaseSource("x", ["/nonexistent.nii.gz"]);
        var twice = Request(output.Path, source, source);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => DatasetPreprocessor.RunAsync(twice));
        Assert.Contains("'x' appears twice", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => DatasetPreprocessor.RunAsync(Request(output.Path, source) with { MaxParallelism = 0 }));
    }

    [Fact]
    public async Task A_missing_file_fails_only_its_case()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        var missing = new CaseSource("gone", [Path.Combine(input.Path, "gone.nii.gz")]);
        var report = await DatasetPreprocessor.RunAsync(Request(output.Path, missing, DatasetTestCases.Write(input.Path, "a")));

        Assert.Equal((1, 1), (report.Processed, report.Failed));
        Assert.Contains("gone.nii.gz", report.Failures[0].Reason, StringComparison.Ordinal);
    }

    private static DatasetPreprocessingRequest Request(string output, params CaseSource[] cases) => new()
    {
        OutputFolder = output,
        Cases = cases,
        Settings = DatasetTestCases.Settings(),
        MaxParallelism = 2,
    };
}

/// <summary>Records reports on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
internal sealed class SynchronousProgress(List<DatasetPreprocessingProgress> reports, Action<DatasetPreprocessingProgress>? onReport = null)
    : IProgress<DatasetPreprocessingProgress>
{
    public void Report(DatasetPreprocessingProgress value)
    {
        lock (reports)
            reports.Add(value);
        onReport?.Invoke(value);
    }
}

internal static class ReaderExtensions
{
    public static Guid WriteIdAndDispose(this PreprocessedCaseReader reader)
    {
        using (reader)
            return reader.WriteId;
    }
}
