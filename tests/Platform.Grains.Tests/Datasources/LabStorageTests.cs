using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Tests.Hosting;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Datasources;

/// <summary>
/// Per-lab storage at the datasource door, against a real silo and PostgreSQL: a scientist of lab B tries every way
/// of registering lab A's cases as lab B's datasource (<c>{DataRoot}/{lab}</c> is each lab's folder). Each attempt is
/// refused with a message that names no absolute path, and nothing of lab A is registered or catalogued.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class LabStorageTests
{
    private readonly SiloFixture _fixture;
    private readonly string _labA = $"lab-a{Guid.NewGuid():N}"[..20];
    private readonly string _labB = $"lab-b{Guid.NewGuid():N}"[..20];
    private readonly string _scientistB = $"bob-{Guid.NewGuid():N}";

    public LabStorageTests(SiloFixture fixture)
    {
        _fixture = fixture;
        new DatasetBuilder(fixture.Data.LabRoot(_labA)).WriteFran("kits", goodCases: 2);
        Directory.CreateDirectory(fixture.Data.LabRoot(_labB));
    }

    private IDatasourceGrain DatasourceB => _fixture.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(_labB, ScannedProjects.Project, ScannedProjects.Datasource));

    /// <summary>Both labs with their project; lab B has a scientist who is no member of lab A. Leaves the caller as the administrator.</summary>
    private async Task CreateLabsAsync()
    {
        await ScannedProjects.CreateAsync(_fixture.Grains, _labA);
        await ScannedProjects.CreateAsync(_fixture.Grains, _labB);
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_labB)).SetMemberAsync(_scientistB, LabRole.Scientist);
    }

    /// <summary>The refusal names the folder as given at most, never the server's data root; lab B has no datasource.</summary>
    private async Task AssertRefusedAndNothingRegisteredAsync(PlatformValidationException error)
    {
        Assert.Equal("folder", error.Field);
        Assert.DoesNotContain(_fixture.Data.Root, error.Message, StringComparison.Ordinal);
        TestIdentity.ActAs(TestIdentity.Admin);
        Assert.Null(await DatasourceB.GetStatusAsync());
        Assert.Empty((await _fixture.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(_labB, ScannedProjects.Project)).GetAsync())!.Datasources);
    }

    [Fact]
    public async Task Registering_another_labs_folder_through_dotdot_is_refused()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        await CreateLabsAsync();
        TestIdentity.ActAs(_scientistB);

        var error = await Assert.ThrowsAsync<PlatformValidationException>(() => DatasourceB.RegisterAsync($"../{_labA}/kits"));

        Assert.Contains("'..'", error.Message, StringComparison.Ordinal);
        await AssertRefusedAndNothingRegisteredAsync(error);
    }

    [Fact]
    public async Task Registering_another_labs_folder_by_its_absolute_path_is_refused()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        await CreateLabsAsync();
        TestIdentity.ActAs(_scientistB);

        var error = await Assert.ThrowsAsync<PlatformValidationException>(() => DatasourceB.RegisterAsync(Path.Combine(_fixture.Data.Root, _labA, "kits")));

        Assert.Contains("absolute path", error.Message, StringComparison.Ordinal);
        await AssertRefusedAndNothingRegisteredAsync(error);
    }

    [Fact]
    public async Task Registering_a_link_in_the_labs_folder_that_leads_into_another_labs_folder_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_fixture.Data.LabRoot(_labB), "borrowed"), Path.Combine(_fixture.Data.LabRoot(_labA), "kits"));
        TestIdentity.ActAs(TestIdentity.Admin);
        await CreateLabsAsync();
        TestIdentity.ActAs(_scientistB);

        var error = await Assert.ThrowsAsync<PlatformValidationException>(() => DatasourceB.RegisterAsync("borrowed"));

        Assert.Contains("outside the lab's data folder", error.Message, StringComparison.Ordinal);
        await AssertRefusedAndNothingRegisteredAsync(error);
    }

    [Fact]
    public async Task The_same_folder_name_means_the_labs_own_folder_so_another_labs_folder_is_not_found()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        await CreateLabsAsync();
        TestIdentity.ActAs(_scientistB);

        var error = await Assert.ThrowsAsync<PlatformValidationException>(() => DatasourceB.RegisterAsync("kits"));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        await AssertRefusedAndNothingRegisteredAsync(error);
    }

    [Fact]
    public async Task A_registered_folder_swapped_for_a_link_into_another_lab_is_refused_at_rescan_and_catalogues_nothing()
    {
        var own = Path.Combine(_fixture.Data.LabRoot(_labB), "own");
        new DatasetBuilder(_fixture.Data.LabRoot(_labB)).WriteFran("own", goodCases: 1);
        TestIdentity.ActAs(TestIdentity.Admin);
        await CreateLabsAsync();
        TestIdentity.ActAs(_scientistB);
        await DatasourceB.RegisterAsync("own");
        Assert.Equal(1, (await ScannedProjects.WaitForScanAsync(DatasourceB)).Counts.Valid);

        // After registration, the folder is replaced by a link to lab A's data.
        Directory.Delete(own, recursive: true);
        Directory.CreateSymbolicLink(own, Path.Combine(_fixture.Data.LabRoot(_labA), "kits"));
        var error = await Assert.ThrowsAsync<PlatformValidationException>(DatasourceB.RescanAsync);

        Assert.Contains("outside the lab's data folder", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Data.Root, error.Message, StringComparison.Ordinal);
        Assert.Equal(ScanState.Idle, (await DatasourceB.GetStatusAsync())!.State);
        // The one case catalogued before is lab B's own; none of lab A's two cases got in.
        Assert.Equal(["00001"], (await DatasourceB.ListCasesAsync(new CaseQuery())).Cases.Select(c => c.CaseId));
        var files = await DatasourceB.GetCaseFilesAsync("00001");
        Assert.All(files.Images.Append(files.Label), f => Assert.StartsWith("own/", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Case_files_that_link_into_another_labs_folder_are_problems_not_cases()
    {
        new DatasetBuilder(_fixture.Data.LabRoot(_labB)).WriteFran("mixed", goodCases: 1);
        var labA = Path.Combine(_fixture.Data.LabRoot(_labA), "kits");
        var labB = Path.Combine(_fixture.Data.LabRoot(_labB), "mixed");
        File.CreateSymbolicLink(Path.Combine(labB, "images", $"{DatasetBuilder.FranName}_00002.nii.gz"), Path.Combine(labA, "images", $"{DatasetBuilder.FranName}_00002.nii.gz"));
        File.CreateSymbolicLink(Path.Combine(labB, "lms", $"{DatasetBuilder.FranName}_00002.nii.gz"), Path.Combine(labA, "lms", $"{DatasetBuilder.FranName}_00002.nii.gz"));
        TestIdentity.ActAs(TestIdentity.Admin);
        await CreateLabsAsync();
        TestIdentity.ActAs(_scientistB);

        await DatasourceB.RegisterAsync("mixed");
        var status = await ScannedProjects.WaitForScanAsync(DatasourceB);

        Assert.Equal(ScanState.Idle, status.State);
        Assert.Equal(["00001"], (await DatasourceB.ListCasesAsync(new CaseQuery())).Cases.Select(c => c.CaseId));
        Assert.Equal(2, status.DatasourceProblems.Count(p => p.Reason.Contains("outside the lab's data folder", StringComparison.Ordinal)));
        Assert.All(status.DatasourceProblems, p => Assert.DoesNotContain(_fixture.Data.Root, p.Reason, StringComparison.Ordinal));
        await Assert.ThrowsAsync<PlatformNotFoundException>(() => DatasourceB.GetCaseFilesAsync("00002"));
    }
}
