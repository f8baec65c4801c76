using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Tests.Hosting;
using Platform.Plans;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Preprocessing;

/// <summary>
/// Per-lab storage at the imported-labels door (FRAN's imported_folder), against a real silo and PostgreSQL: a
/// scientist of lab B points lab B's plan at lab A's label maps. The plan refuses '..' and absolute folders; a link
/// to lab A's folder (or to one of its files) fails the job or the case; nothing of lab A is preprocessed, and no
/// message names an absolute path.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class ImportedLabelStorageTests
{
    private const string Folder = "ds";
    private readonly SiloFixture _fixture;
    private readonly string _labA = $"lab-a{Guid.NewGuid():N}"[..20];
    private readonly string _labB = $"lab-b{Guid.NewGuid():N}"[..20];
    private readonly string _scientistB = $"bob-{Guid.NewGuid():N}";

    public ImportedLabelStorageTests(SiloFixture fixture)
    {
        _fixture = fixture;
        // Lab A's "imported" labels: label maps named by case id, as a localiser writes them.
        new DatasetBuilder(fixture.Data.LabRoot(_labA)).WriteFran("localiser", goodCases: 2);
        Directory.Move(Path.Combine(fixture.Data.LabRoot(_labA), "localiser", "lms"), Path.Combine(fixture.Data.LabRoot(_labA), "imported"));
        new DatasetBuilder(fixture.Data.LabRoot(_labB)).WriteFran(Folder, goodCases: 2);
    }

    private IPlanGrain Plan => _fixture.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(_labB, ScannedProjects.Project, "small"));

    private IPreprocessingGrain Job => _fixture.Grains.GetGrain<IPreprocessingGrain>(GrainKeys.Plan(_labB, ScannedProjects.Project, "small"));

    private static PlanSettings Importing(string folder) => SamplePlans.Small() with
    {
        Preprocessing = SamplePlans.Small().Preprocessing with { ImportedFolder = folder },
    };

    /// <summary>Lab B's project with its own datasource scanned, and a scientist of lab B only. Leaves the caller as the administrator.</summary>
    private async Task ScanLabBAsync()
    {
        await ScannedProjects.CreateAsync(_fixture.Grains, _labA);
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _labB, Folder);
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_labB)).SetMemberAsync(_scientistB, LabRole.Scientist);
    }

    private async Task<PreprocessingStatus> RunJobAsync()
    {
        await Job.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var status = (await Job.GetStatusAsync())!;
            if (status.State != PreprocessingJobState.Running)
                return status;
            Assert.True(DateTime.UtcNow < deadline, "Preprocessing did not finish within 120 s.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_plan_naming_another_labs_folder_by_dotdot_or_absolute_path_is_not_saved()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        await ScanLabBAsync();
        TestIdentity.ActAs(_scientistB);

        var dotdot = await Plan.ReviseAsync(Importing($"../{_labA}/imported"), 0, null);
        var absolute = await Plan.ReviseAsync(Importing(Path.Combine(_fixture.Data.LabRoot(_labA), "imported")), 0, null);

        Assert.All(new[] { dotdot, absolute }, result =>
        {
            Assert.Equal(PlanRevisionOutcome.Invalid, result.Outcome);
            var error = Assert.Single(result.Errors, e => e.Field == "preprocessing.importedFolder");
            Assert.DoesNotContain(_fixture.Data.Root, error.Message, StringComparison.Ordinal);
        });
        Assert.Null(await Plan.GetAsync());
    }

    [Fact]
    public async Task An_imported_folder_that_links_into_another_labs_folder_fails_the_job_and_preprocesses_nothing()
    {
        Directory.CreateSymbolicLink(Path.Combine(_fixture.Data.LabRoot(_labB), "imported"), Path.Combine(_fixture.Data.LabRoot(_labA), "imported"));
        TestIdentity.ActAs(TestIdentity.Admin);
        await ScanLabBAsync();
        TestIdentity.ActAs(_scientistB);
        Assert.Equal(PlanRevisionOutcome.Saved, (await Plan.ReviseAsync(Importing("imported"), 0, null)).Outcome);

        var done = await RunJobAsync();

        Assert.Equal(PreprocessingJobState.Failed, done.State);
        Assert.Contains("outside the lab's data folder", done.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Data.Root, done.Error!, StringComparison.Ordinal);
        Assert.Equal(0, done.Done);
    }

    [Fact]
    public async Task An_imported_label_file_that_links_into_another_labs_folder_fails_its_case()
    {
        var imported = Directory.CreateDirectory(Path.Combine(_fixture.Data.LabRoot(_labB), "imported")).FullName;
        var labA = Path.Combine(_fixture.Data.LabRoot(_labA), "imported");
        foreach (var id in new[] { "00001", "00002" })
            File.CreateSymbolicLink(Path.Combine(imported, $"{id}.nii.gz"), Path.Combine(labA, $"{DatasetBuilder.FranName}_{id}.nii.gz"));
        TestIdentity.ActAs(TestIdentity.Admin);
        await ScanLabBAsync();
        TestIdentity.ActAs(_scientistB);
        Assert.Equal(PlanRevisionOutcome.Saved, (await Plan.ReviseAsync(Importing("imported"), 0, null)).Outcome);

        var done = await RunJobAsync();

        Assert.Equal((0, 2), (done.Done, done.Failed));
        Assert.All(done.Failures, f =>
        {
            Assert.Contains("outside the lab's data folder", f.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain(_fixture.Data.Root, f.Reason, StringComparison.Ordinal);
        });
    }
}
