using Microsoft.Extensions.Logging.Abstractions;
using Platform.DemoSeeding;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Tests.Hosting;
using Platform.Plans;
using Xunit;

namespace Platform.Grains.Tests.Demo;

/// <summary>The first-start demo, seeded through the grain API against a real silo with real generated files.</summary>
[Collection(SiloCollection.Name)]
public sealed class DemoSeederTests(SiloFixture silo)
{
    [Fact]
    public async Task A_first_pass_seeds_everything_and_a_second_pass_changes_nothing()
    {
        var demo = UniqueDemo();
        var seeder = Seeder();

        var first = await seeder.SeedAsync(demo, CancellationToken.None);

        Assert.Equal(new DemoSeedReport(true, true, true, true, true, true), first);
        TestIdentity.ActAs(TestIdentity.Admin);
        Assert.Equal(LabRole.PrincipalInvestigator, await silo.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(demo.LabId)).GetMyRoleAsync());
        var project = (await silo.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(demo.LabId, demo.Project)).GetAsync())!;
        Assert.Contains("Generated demo data", project.Description, StringComparison.Ordinal);
        Assert.Equal([demo.Datasource], project.Datasources);
        Assert.Equal([demo.Plan], (await silo.Grains.GetGrain<IProjectListGrain>(GrainKeys.ProjectList(demo.LabId, demo.Project)).ListPlansAsync()).Select(p => p.Name));
        Assert.Equal([demo.Split], project.Splits);

        var datasource = silo.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(demo.LabId, demo.Project, demo.Datasource));
        var status = (await datasource.GetStatusAsync())!;
        Assert.Equal((demo.GoodCases, 2), (status.Counts.Valid, status.Counts.Invalid));
        var invalid = await datasource.ListCasesAsync(new CaseQuery(Status: CaseStatus.Invalid));
        Assert.Equal(2, invalid.Total);
        Assert.All(invalid.Cases, c => Assert.NotEmpty(c.Problems));

        var plans = silo.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(demo.LabId, demo.Project, demo.Plan));
        var suggested = await plans.GetVersionAsync(1);
        Assert.Equal((TestIdentity.Admin, DemoProject.SuggestedPlanComment), (suggested.Author, suggested.Comment));
        Assert.Empty(PlanRules.Check(suggested.Settings));
        var plan = (await plans.GetAsync())!;
        Assert.Equal((2, TestIdentity.Admin, DemoProject.CpuPlanComment), (plan.Version, plan.Author, plan.Comment));
        Assert.Equal((DemoProject.CpuEpochs, DemoProject.CpuIterationsPerEpoch), (plan.Settings.Training.Epochs, plan.Settings.Training.IterationsPerEpoch));
        Assert.Equal([32, 32, 16], plan.Settings.Network.PatchSize);
        Assert.Equal([16, 32, 64], plan.Settings.Network.Stages.Select(s => s.Features));
        // The datasource is registered as CT, so the suggestion itself normalises as CT; the CPU version cuts the
        // network and training down and leaves the normalisation as it is.
        Assert.Equal([ChannelModalities.CT], status.Modalities);
        Assert.Equal(ModalitySource.Chosen, status.ModalitySource);
        Assert.Equal([NormalizationScheme.CT], suggested.Settings.Preprocessing.Normalization);
        Assert.Equal([NormalizationScheme.CT], plan.Settings.Preprocessing.Normalization);
        var changed = await plans.CompareAsync(1, 2);
        Assert.Contains(changed, c => c.Field == "network.patchSize");
        Assert.DoesNotContain(changed, c => c.Field.StartsWith("preprocessing.normalization", StringComparison.Ordinal));
        Assert.Equal([demo.Datasource], plan.Settings.Data.Datasources);
        Assert.Empty(PlanRules.Check(plan.Settings));

        var split = (await silo.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(demo.LabId, demo.Project, demo.Split)).GetAsync())!;
        Assert.Equal((1, 5, demo.GoodCases), (split.Version, split.Folds.Count, split.Cases));

        var second = await seeder.SeedAsync(demo, CancellationToken.None);

        Assert.Equal(new DemoSeedReport(false, false, false, false, false, false), second);
        TestIdentity.ActAs(TestIdentity.Admin);
        Assert.Equal(2, (await silo.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(demo.LabId, demo.Project, demo.Plan)).ListVersionsAsync()).Count);
        var splitAgain = (await silo.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(demo.LabId, demo.Project, demo.Split)).GetAsync())!;
        Assert.Equal((1, split.SavedAt), (splitAgain.Version, splitAgain.SavedAt));
        Assert.Equal(status.LastScanFinishedAt, (await datasource.GetStatusAsync())!.LastScanFinishedAt);
    }

    [Fact]
    public async Task An_archived_demo_project_is_left_as_it_is()
    {
        var demo = UniqueDemo();
        TestIdentity.ActAs(TestIdentity.Admin);
        await silo.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(demo.LabId)).CreateAsync(demo.LabName, TestIdentity.Admin);
        var project = silo.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(demo.LabId, demo.Project));
        await project.CreateAsync("Someone's own project, later put away");
        await project.ArchiveAsync();

        var report = await Seeder().SeedAsync(demo, CancellationToken.None);

        Assert.Contains("archived", report.Skipped, StringComparison.Ordinal);
        Assert.False(report.CreatedLab || report.CreatedProject || report.RegisteredDatasource || report.SavedPlan || report.GeneratedSplit);
        TestIdentity.ActAs(TestIdentity.Admin);
        var summary = (await project.GetAsync())!;
        Assert.Equal(("Someone's own project, later put away", 0), (summary.Description, summary.Datasources.Count));
    }

    [Fact]
    public async Task An_interrupted_file_write_leaves_no_half_dataset_and_the_next_pass_writes_it()
    {
        var demo = UniqueDemo();
        var parent = Path.GetDirectoryName(Path.Combine(silo.Data.LabRoot(demo.LabId), demo.Folder))!;
        // What a start killed while writing leaves: a hidden staging folder with part of the dataset, and no datasource folder.
        var stale = Directory.CreateDirectory(Path.Combine(parent, $".{Path.GetFileName(demo.Folder)}-{Guid.NewGuid():N}", "images")).Parent!.FullName;
        File.WriteAllBytes(Path.Combine(stale, "images", "liver_00001.nii.gz"), [0x1f, 0x8b]);
        Directory.SetLastWriteTimeUtc(stale, DateTime.UtcNow - DemoFiles.StaleAfter - TimeSpan.FromMinutes(1));
        // A staging folder another process is writing right now is left alone.
        var concurrent = Directory.CreateDirectory(Path.Combine(parent, $".{Path.GetFileName(demo.Folder)}-{Guid.NewGuid():N}")).FullName;

        Assert.True(DemoFiles.EnsureWritten(silo.Data.Root, demo));
        Assert.False(DemoFiles.EnsureWritten(silo.Data.Root, demo));

        // The stale staging folder is gone, this pass's was renamed into place, and the fresh one is untouched.
        Assert.Equal([Path.GetFileName(concurrent), Path.GetFileName(demo.Folder)], Directory.GetDirectories(parent).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(demo.GoodCases + 2, Directory.GetFiles(Path.Combine(silo.Data.LabRoot(demo.LabId), demo.Folder, "images")).Length);
    }

    private DemoSeeder Seeder() =>
        new(silo.Grains, silo.Data.Root, TestIdentity.Admin, () => TestIdentity.ActAs(TestIdentity.Admin), NullLogger.Instance);

    private static DemoProject UniqueDemo()
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        return DemoProject.Default with { LabId = $"demo-{run}", Folder = $"demo-{run}/liver" };
    }
}
