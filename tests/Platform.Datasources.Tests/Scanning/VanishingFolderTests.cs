using Platform.Datasources.Scanning;
using Platform.Datasources.Tests.Support;
using Platform.Testing.Datasets;

namespace Platform.Datasources.Tests.Scanning;

/// <summary>
/// A datasource folder that goes away under a scan (removed, renamed, or an unmounted filesystem's empty mount point)
/// stops the scan with an error naming the folder, instead of reporting every registered case as removed.
/// </summary>
public sealed class VanishingFolderTests : IDisposable
{
    private readonly TempDataRoot _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_folder_removed_while_its_cases_are_read_stops_the_scan_naming_the_folder()
    {
        new DatasetBuilder(_data.Root).WriteFran("ds", goodCases: 6);
        var moved = false;
        var progress = new RecordingProgress(p =>
        {
            if (p.CurrentCase is not null && !moved)
            {
                moved = true;
                Directory.Move(_data.PathOf("ds"), _data.PathOf("ds-elsewhere"));
            }
        });

        var error = await Assert.ThrowsAsync<DatasourceVanishedException>(() =>
            DatasourceScanner.ScanAsync(_data.Root, "ds", options: ScanOptions.Default with { MaxDegreeOfParallelism = 1 }, progress: progress));

        Assert.True(moved);
        Assert.Equal("ds", error.Folder);
        Assert.StartsWith("The datasource folder 'ds' disappeared during the scan", error.Message, StringComparison.Ordinal);
        Assert.Contains("the cases registered before are kept", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_held_cases_and_now_holds_no_layout_is_not_read_as_every_case_removed()
    {
        new DatasetBuilder(_data.Root).WriteFran("ds", goodCases: 3);
        var first = await DatasourceScanner.ScanAsync(_data.Root, "ds");
        Directory.Delete(_data.PathOf("ds/images"), recursive: true);
        Directory.Delete(_data.PathOf("ds/lms"), recursive: true);

        var error = await Assert.ThrowsAsync<DatasourceVanishedException>(() =>
            DatasourceScanner.ScanAsync(_data.Root, "ds", [.. first.Cases.Select(c => new PreviousCase(c.CaseId, c.Signatures))]));

        Assert.Contains("'ds' no longer holds a FRAN or nnU-Net layout though 3 cases were registered from it", error.Message, StringComparison.Ordinal);
    }
}
