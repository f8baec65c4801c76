using Platform.Datasources.Paths;
using Platform.Datasources.Scanning;
using Platform.Datasources.Tests.Support;
using Platform.Testing.Datasets;

namespace Platform.Datasources.Tests.Scanning;

public sealed class DatasourceScannerTests : IDisposable
{
    // 24×24×16 int16 image + uint8 label, as SyntheticCase writes them.
    private const long CaseBytes = (24 * 24 * 16 * 2) + (24 * 24 * 16);

    private readonly TempDataRoot _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Rescan_after_touch_delete_and_add_reads_only_new_and_changed_cases()
    {
        var builder = new DatasetBuilder(_data.Root);
        builder.WriteFran("ds", goodCases: 4);
        var first = await DatasourceScanner.ScanAsync(_data.Root, "ds");
        var previous = first.Cases.Select(c => new PreviousCase(c.CaseId, c.Signatures)).ToList();

        File.SetLastWriteTimeUtc(_data.PathOf("ds/lms/kits_00002.nii.gz"), DateTime.UtcNow.AddMinutes(5));
        File.Delete(_data.PathOf("ds/images/kits_00003.nii.gz"));
        File.Delete(_data.PathOf("ds/lms/kits_00003.nii.gz"));
        DatasetBuilder.WriteCase([_data.PathOf("ds/images/kits_00009.nii.gz")], _data.PathOf("ds/lms/kits_00009.nii.gz"), seed: 9);
        var progress = new RecordingProgress();

        var second = await DatasourceScanner.ScanAsync(_data.Root, "ds", previous, progress: progress);

        var changes = second.Cases.ToDictionary(c => c.CaseId, c => c.Change);
        Assert.Equal(new Dictionary<string, CaseChange>
        {
            ["00001"] = CaseChange.Unchanged,
            ["00002"] = CaseChange.Changed,
            ["00004"] = CaseChange.Unchanged,
            ["00009"] = CaseChange.New,
        }, changes);
        Assert.Equal(["00003"], second.Removed);
        Assert.All(second.Cases.Where(c => c.Change == CaseChange.Unchanged), c => Assert.Null(c.Report));
        Assert.All(second.Cases.Where(c => c.Change != CaseChange.Unchanged), c => Assert.True(c.Report!.IsValid));
        Assert.Equal(new ScanProgress(2, 4, 0, null), progress.Reports[0]); // unchanged cases are done at once
        Assert.Equal(3, progress.Reports.Count);
    }

    [Fact]
    public async Task Rescan_with_hashes_keeps_a_touched_identical_file_unchanged()
    {
        new DatasetBuilder(_data.Root).WriteFran("ds", goodCases: 2);
        var options = ScanOptions.Default with { HashFiles = true };
        var first = await DatasourceScanner.ScanAsync(_data.Root, "ds", options: options);
        File.SetLastWriteTimeUtc(_data.PathOf("ds/images/kits_00001.nii.gz"), DateTime.UtcNow.AddMinutes(5));

        var second = await DatasourceScanner.ScanAsync(_data.Root, "ds", [.. first.Cases.Select(c => new PreviousCase(c.CaseId, c.Signatures))], options);

        Assert.All(second.Cases, c => Assert.Equal(CaseChange.Unchanged, c.Change));
        Assert.All(first.Cases.SelectMany(c => c.Signatures), s => Assert.Equal(64, s.Sha256!.Length));
    }

    [Fact]
    public async Task Scan_reports_progress_in_order_with_failures_and_current_case()
    {
        new DatasetBuilder(_data.Root).WriteFran("ds", goodCases: 5, Defects.TruncatedFile | Defects.SpacingMismatch);
        var progress = new RecordingProgress();

        var result = await DatasourceScanner.ScanAsync(_data.Root, "ds", options: ScanOptions.Default with { MaxDegreeOfParallelism = 3 }, progress: progress);

        var reports = progress.Reports;
        Assert.Equal(new ScanProgress(0, 7, 0, null), reports[0]);
        Assert.Equal(Enumerable.Range(0, 8), reports.Select(r => r.Done));
        Assert.Equal(7, reports[^1].Total);
        Assert.Equal(2, reports[^1].Failed);
        Assert.Equal(result.Cases.Select(c => c.CaseId).Order(StringComparer.Ordinal), reports.Skip(1).Select(r => r.CurrentCase!).Order(StringComparer.Ordinal));
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.Failed >= p.First.Failed));
    }

    [Fact]
    public async Task Scan_with_cases_bigger_than_half_the_budget_reads_one_at_a_time()
    {
        new DatasetBuilder(_data.Root).WriteFran("ds", goodCases: 6);
        var options = ScanOptions.Default with { MemoryBudgetBytes = (CaseBytes * 3 / 2) + 1, MaxDegreeOfParallelism = 4 };

        var result = await DatasourceScanner.ScanAsync(_data.Root, "ds", options: options);

        Assert.Equal(6, result.ValidCases.Count());
        Assert.Equal(CaseBytes, result.PeakInFlightBytes);
        Assert.True(result.PeakInFlightBytes <= options.MemoryBudgetBytes);
    }

    [Fact]
    public async Task Scan_with_budget_smaller_than_one_case_still_reads_every_case()
    {
        new DatasetBuilder(_data.Root).WriteFran("ds", goodCases: 3);

        var result = await DatasourceScanner.ScanAsync(_data.Root, "ds", options: ScanOptions.Default with { MemoryBudgetBytes = 1000 });

        Assert.Equal(3, result.ValidCases.Count());
        Assert.Equal(CaseBytes, result.PeakInFlightBytes);
    }

    [Fact]
    public async Task Scan_with_roomy_budget_reads_cases_concurrently_within_it()
    {
        new DatasetBuilder(_data.Root).WriteFran("ds", goodCases: 12);
        var options = ScanOptions.Default with { MemoryBudgetBytes = CaseBytes * 2, MaxDegreeOfParallelism = 4 };

        var result = await DatasourceScanner.ScanAsync(_data.Root, "ds", options: options);

        Assert.Equal(12, result.ValidCases.Count());
        Assert.InRange(result.PeakInFlightBytes, CaseBytes, CaseBytes * 2);
    }

    [Fact]
    public async Task Scan_cancelled_before_start_throws()
    {
        new DatasetBuilder(_data.Root).WriteFran("ds", goodCases: 2);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DatasourceScanner.ScanAsync(_data.Root, "ds", cancellationToken: new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task Scan_cancelled_after_first_case_stops_before_the_rest()
    {
        new DatasetBuilder(_data.Root).WriteFran("ds", goodCases: 6);
        using var cancellation = new CancellationTokenSource();
        var progress = new RecordingProgress(p =>
        {
            if (p.Done == 1)
                cancellation.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DatasourceScanner.ScanAsync(_data.Root, "ds", options: ScanOptions.Default with { MaxDegreeOfParallelism = 1 }, progress: progress, cancellationToken: cancellation.Token));
        Assert.True(progress.Reports[^1].Done < 6);
    }

    [Fact]
    public async Task Scan_of_folder_outside_root_is_an_argument_error() =>
        await Assert.ThrowsAsync<LabPathException>(() => DatasourceScanner.ScanAsync(_data.Root, "../elsewhere"));
}
