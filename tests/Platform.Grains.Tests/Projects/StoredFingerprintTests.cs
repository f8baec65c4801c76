using Npgsql;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Tests.Hosting;
using Platform.Preprocessing.Fingerprint;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Projects;

/// <summary>
/// The fingerprint is computed once per scan and stored: readers get the stored one (the catalog is not read again),
/// a plan version records the one it was configured from, and a rescan that changes the data adds a new one and tells
/// the version's users without changing what the version uses.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class StoredFingerprintTests
{
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];
    private readonly string _folder = $"ds-{Guid.NewGuid():N}";

    public StoredFingerprintTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private IProjectGrain Project => _fixture.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(_lab, ScannedProjects.Project));

    private IPlanGrain Plan => _fixture.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(_lab, ScannedProjects.Project, "small"));

    private IDatasourceGrain Datasource => _fixture.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(_lab, ScannedProjects.Project, ScannedProjects.Datasource));

    private async Task ScanAsync(int cases)
    {
        new DatasetBuilder(_fixture.Data.LabRoot(_lab)).WriteFran(_folder, goodCases: cases);
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, _folder);
    }

    private async Task RescanAsync()
    {
        await Datasource.RescanAsync();
        await ScannedProjects.WaitForScanAsync(Datasource);
    }

    /// <summary>Marks a case invalid behind the platform's back: a fingerprint computed from the catalog now would leave it out.</summary>
    private async Task SetCaseStatusAsync(string caseId, CaseStatus status)
    {
        await using var connection = new NpgsqlConnection(_fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE datasource_case SET status = @status WHERE lab_id = @lab AND case_id = @case", connection);
        command.Parameters.AddWithValue("status", (short)status);
        command.Parameters.AddWithValue("lab", _lab);
        command.Parameters.AddWithValue("case", caseId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task The_fingerprint_stored_by_the_scan_is_served_without_reading_the_catalog_again_and_a_changing_rescan_stores_a_new_one()
    {
        await ScanAsync(cases: 4);
        var first = await Project.GetFingerprintAsync(null);
        var caseId = (await Datasource.ListCasesAsync(new CaseQuery())).Cases[0].CaseId;

        await SetCaseStatusAsync(caseId, CaseStatus.Invalid);
        var again = await Project.GetFingerprintAsync(null);
        await SetCaseStatusAsync(caseId, CaseStatus.Valid);

        Assert.True(first.Id > 0);
        Assert.Equal((first.Id, first.Hash, first.CreatedAt, 4), (again.Id, again.Hash, again.CreatedAt, again.Cases));
        // The download is the stored document itself, nnU-Net's dataset_fingerprint.json.
        var document = FingerprintJson.Deserialize(await Project.GetFingerprintJsonAsync(null));
        Assert.Equal(4, document.CaseCount);
        Assert.Equal(first.Channels[0].Mean, document.Channels[0].Mean);

        // A rescan that finds nothing new keeps the fingerprint; one that finds more data stores a new one.
        await RescanAsync();
        Assert.Equal(first.Id, (await Project.GetFingerprintAsync(null)).Id);
        FranFolderChanges.AddCopyOfFirstCase(Path.Combine(_fixture.Data.LabRoot(_lab), _folder), "90001");
        await RescanAsync();
        var changed = await Project.GetFingerprintAsync(null);
        Assert.True(changed.Id > first.Id, $"fingerprint {changed.Id} after {first.Id}");
        Assert.NotEqual(first.Hash, changed.Hash);
        Assert.Equal(5, changed.Cases);
        Assert.True(changed.CreatedAt >= first.CreatedAt);
        // The old one stays readable by id: plan versions and runs name it.
        Assert.Equal(4, (await Project.GetStoredFingerprintAsync(first.Id)).Cases);
    }

    [Fact]
    public async Task A_saved_version_records_the_current_fingerprint_and_is_told_when_a_rescan_changes_the_data()
    {
        await ScanAsync(cases: 3);
        var fingerprint = await Project.GetFingerprintAsync(null);
        var saved = await Plan.ReviseAsync(SamplePlans.Small(), 0, null);
        Assert.Equal(fingerprint.Id, saved.Current!.FingerprintId);
        Assert.False((await Plan.GetDataDriftAsync(1)).Changed);

        FranFolderChanges.ShiftIntensitiesOfLastCase(Path.Combine(_fixture.Data.LabRoot(_lab), _folder), scale: 1.5f, offset: 200);
        FranFolderChanges.AddCopyOfFirstCase(Path.Combine(_fixture.Data.LabRoot(_lab), _folder), "90002");
        await RescanAsync();

        var drift = await Plan.GetDataDriftAsync(1);
        Assert.True(drift.Changed);
        Assert.Equal((fingerprint.Id, 1, 0, true), (drift.RecordedFingerprintId, drift.CasesAdded, drift.CasesRemoved, drift.CtStatisticsChanged));
        Assert.NotEqual(fingerprint.Id, drift.CurrentFingerprintId);
        Assert.StartsWith("Data changed since this plan version was configured: 1 case added/0 removed, CT statistics changed.", drift.Message, StringComparison.Ordinal);
        // The version keeps its statistics; a new version is configured from the new data.
        Assert.Equal(fingerprint.Id, (await Plan.GetVersionAsync(1)).FingerprintId);
        var second = await Plan.ReviseAsync(SamplePlans.Small(), 1, "the new data");
        Assert.Equal(drift.CurrentFingerprintId, second.Current!.FingerprintId);
        Assert.False((await Plan.GetDataDriftAsync(2)).Changed);
    }
}
