using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Tests.Hosting;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Storage;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Preprocessing;

/// <summary>
/// A preprocessing job whose work root fills up (a real tmpfs out of space): the job fails naming the case, the work
/// root and the space left; no half-written case is taken for complete; once space is freed, a new start goes on from
/// the committed cases and every case ends up whole.
/// </summary>
public sealed class PreprocessingDiskFullTests : IClassFixture<MigratedDatabaseFixture>
{
    private const int Cases = 20;

    private readonly MigratedDatabaseFixture _database;

    public PreprocessingDiskFullTests(MigratedDatabaseFixture database)
    {
        _database = database;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    [Fact]
    public async Task A_full_work_root_fails_the_job_at_a_named_case_and_after_space_is_freed_it_completes_from_the_committed_cases()
    {
        using var data = new TempDataRoot();
        using var work = new SmallFilesystem(16L << 20);
        var lab = $"lab-{Guid.NewGuid():N}"[..20];
        var folder = $"ds-{Guid.NewGuid():N}";
        new DatasetBuilder(data.LabRoot(lab)).WriteFran(folder, goodCases: Cases);
        var key = GrainKeys.Plan(lab, ScannedProjects.Project, "small");
        await using var silo = await InProcessSilo.StartAsync(_database.ConnectionString, $"svc-{Guid.NewGuid():N}", "full", dataRoot: data.Root, workRoot: work.Root);
        await ScannedProjects.RegisterAndScanAsync(silo.Grains, lab, folder);
        await silo.Grains.GetGrain<IPlanGrain>(key).ReviseAsync(SamplePlans.Small(), 0, null);
        var job = silo.Grains.GetGrain<IPreprocessingGrain>(key);
        // Room for a few of the 20 cases (each takes about 270 KB: its image array alone is 207 KB), not for all of them.
        work.Fill(leaveBytes: 1 << 20);

        await job.StartAsync();
        var failed = await PreprocessingGrainTests.WaitAsync(job);

        Assert.True(failed.State == PreprocessingJobState.Failed,
            $"The job ended {failed.State}: {failed.Done} done, {failed.Failed} failed ({string.Join("; ", failed.Failures.Take(3).Select(f => f.Reason))}), {work.FreeBytes} bytes free.");
        var output = Path.Combine(work.Root, "preprocessed", lab, ScannedProjects.Project, failed.DatasetKey);
        var committed = PreprocessedCaseRecords.CompleteCaseIds(output);
        Assert.InRange(committed.Count, 1, Cases - 1);
        Assert.Contains($"The work root '{work.Root}' is full", failed.Error, StringComparison.Ordinal);
        Assert.Contains("No space left on device while writing preprocessed case '", failed.Error, StringComparison.Ordinal);
        Assert.Matches(@"\(\d+(\.\d)? (bytes|KiB) free on its filesystem\)", failed.Error);
        Assert.Contains("start the job again once space is freed", failed.Error, StringComparison.Ordinal);
        // The case it names is not among the committed ones, and nothing half-written is left to be read as complete.
        var named = failed.Error!.Split("preprocessed case '")[1].Split('\'')[0];
        Assert.DoesNotContain(named, committed);
        Assert.Empty(Directory.GetFiles(output, "*" + PreprocessedCaseFormat.TemporarySuffix + "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(output, "*.partial*", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(output, PreprocessedDatasetSummary.FileName)));
        foreach (var caseId in committed)
            PreprocessedCaseReader.Open(output, caseId).Dispose();

        work.Free();
        await job.StartAsync();
        var done = await PreprocessingGrainTests.WaitAsync(job);

        Assert.Equal((PreprocessingJobState.Completed, Cases, committed.Count, Cases - committed.Count, 0),
            (done.State, done.Total, done.Skipped, done.Done, done.Failed));
        Assert.Equal(Cases, PreprocessedCaseRecords.CompleteCaseIds(output).Count);
        foreach (var caseId in PreprocessedCaseRecords.CompleteCaseIds(output))
            PreprocessedCaseReader.Open(output, caseId).Dispose();
    }
}
