using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Tests.Hosting;
using Platform.Preprocessing.Datasets;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Preprocessing;

/// <summary>A preprocessing job outlives the silo it started on: the next activation continues from the committed cases.</summary>
public sealed class PreprocessingRestartTests : IClassFixture<MigratedDatabaseFixture>
{
    private readonly MigratedDatabaseFixture _database;

    public PreprocessingRestartTests(MigratedDatabaseFixture database)
    {
        _database = database;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    [Fact]
    public async Task A_job_interrupted_by_a_silo_shutdown_resumes_on_the_next_silo_without_redoing_finished_cases()
    {
        using var data = new TempDataRoot();
        using var work = new TempDataRoot();
        var service = $"svc-{Guid.NewGuid():N}";
        var lab = $"lab-{Guid.NewGuid():N}"[..20];
        var folder = $"ds-{Guid.NewGuid():N}";
        new DatasetBuilder(data.LabRoot(lab)).WriteFran(folder, goodCases: 40);
        var key = GrainKeys.Plan(lab, ScannedProjects.Project, "small");

        PreprocessingStatus first;
        await using (var silo = await InProcessSilo.StartAsync(_database.ConnectionString, service, "prep", dataRoot: data.Root, workRoot: work.Root))
        {
            await ScannedProjects.RegisterAndScanAsync(silo.Grains, lab, folder);
            await silo.Grains.GetGrain<IPlanGrain>(key).ReviseAsync(SamplePlans.Small(), 0, null);
            first = await silo.Grains.GetGrain<IPreprocessingGrain>(key).StartAsync();
        }

        var output = Path.Combine(work.Root, "preprocessed", lab, ScannedProjects.Project, first.DatasetKey);
        var before = Directory.Exists(output) ? PreprocessedCaseRecords.CompleteCaseIds(output).Count : 0;
        Assert.True(before < 40, $"All {before} cases finished before the silo stopped; the test needs an interrupted job.");

        await using var next = await InProcessSilo.StartAsync(_database.ConnectionString, service, "prep", dataRoot: data.Root, workRoot: work.Root);
        var job = next.Grains.GetGrain<IPreprocessingGrain>(key);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        PreprocessingStatus status;
        while ((status = (await job.GetStatusAsync())!).State == PreprocessingJobState.Running)
        {
            Assert.True(DateTime.UtcNow < deadline, "The resumed job did not finish within 120 s.");
            await Task.Delay(100);
        }

        Assert.Equal((PreprocessingJobState.Completed, 40), (status.State, status.Total));
        Assert.Equal(before, status.Skipped);
        Assert.Equal(40 - before, status.Done);
        Assert.Equal(40, PreprocessedCaseRecords.CompleteCaseIds(output).Count);
    }
}
