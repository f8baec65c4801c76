using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Tests.Hosting;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Datasources;

/// <summary>
/// Rescans whose folder is not there: the data root's filesystem unmounted (an empty tmpfs mounted over the folder shows
/// what an unmounted mount point shows: the scan fails naming the folder) or the folder moved away (the rescan is
/// refused naming it). Every registered case stays as it was, and a rescan once the folder is back registers everything.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class DatasourceStorageFaultTests
{
    private const int Cases = 4;

    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];
    private readonly string _folder = $"ds-{Guid.NewGuid():N}";

    public DatasourceStorageFaultTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    [Fact]
    public async Task A_rescan_of_an_unmounted_folder_fails_naming_it_keeps_every_case_and_registers_all_once_it_is_mounted_again()
    {
        var datasource = await ScannedAsync();
        var path = Path.Combine(_fixture.Data.LabRoot(_lab), _folder);

        using (new SmallFilesystem(1L << 20, mountOver: path))
            await AssertRescanFailsKeepingCasesAsync(datasource, "no longer holds a FRAN or nnU-Net layout though 4 cases were registered from it");

        await AssertRescanRegistersEveryCaseAsync(datasource);
    }

    [Fact]
    public async Task A_rescan_of_a_removed_folder_fails_naming_it_keeps_every_case_and_registers_all_once_it_is_back()
    {
        var datasource = await ScannedAsync();
        var path = Path.Combine(_fixture.Data.LabRoot(_lab), _folder);

        Directory.Move(path, path + "-away");
        // Refused at the door: the folder is resolved before a scan starts.
        var refused = await Assert.ThrowsAsync<PlatformValidationException>(datasource.RescanAsync);
        Assert.Equal($"The folder '{_folder}' does not exist in the lab's data folder.", refused.Message);
        await AssertEveryCaseKeptAsync(datasource);
        Directory.Move(path + "-away", path);

        await AssertRescanRegistersEveryCaseAsync(datasource);
    }

    private async Task<IDatasourceGrain> ScannedAsync()
    {
        new DatasetBuilder(_fixture.Data.LabRoot(_lab)).WriteFran(_folder, goodCases: Cases);
        Assert.Equal(Cases, (await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, _folder)).Counts.Valid);
        return _fixture.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(_lab, ScannedProjects.Project, ScannedProjects.Datasource));
    }

    private async Task AssertRescanFailsKeepingCasesAsync(IDatasourceGrain datasource, string why)
    {
        await datasource.RescanAsync();
        var failed = await ScannedProjects.WaitForScanAsync(datasource);

        Assert.Equal(ScanState.Failed, failed.State);
        Assert.Contains($"'{_folder}'", failed.Error, StringComparison.Ordinal);
        Assert.Contains(why, failed.Error, StringComparison.Ordinal);
        await AssertEveryCaseKeptAsync(datasource);
    }

    private static async Task AssertEveryCaseKeptAsync(IDatasourceGrain datasource)
    {
        var kept = await datasource.ListCasesAsync(new CaseQuery(Status: CaseStatus.Valid));
        Assert.Equal(["00001", "00002", "00003", "00004"], kept.Cases.Select(c => c.CaseId));
    }

    private static async Task AssertRescanRegistersEveryCaseAsync(IDatasourceGrain datasource)
    {
        await datasource.RescanAsync();
        var back = await ScannedProjects.WaitForScanAsync(datasource);

        Assert.Equal((ScanState.Idle, null, Cases, 0), (back.State, back.Error, back.Counts.Valid, back.Counts.Removed));
        var cases = await datasource.ListCasesAsync(new CaseQuery(Status: CaseStatus.Valid));
        Assert.Equal(Cases, cases.Cases.Count);
    }
}
