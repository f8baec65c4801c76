using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Tests.Hosting;
using Platform.Plans;
using Platform.Preprocessing.Datasets;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Preprocessing;

[Collection(SiloCollection.Name)]
public sealed class PreprocessingGrainTests
{
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];
    private string _folder = "";

    public PreprocessingGrainTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private IPreprocessingGrain Job(string plan = "small") => _fixture.Grains.GetGrain<IPreprocessingGrain>(GrainKeys.Plan(_lab, ScannedProjects.Project, plan));

    private IPlanGrain Plan(string plan = "small") => _fixture.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(_lab, ScannedProjects.Project, plan));

    /// <summary>A scanned project of <paramref name="cases"/> good FRAN cases and a source-mode plan at 2 mm.</summary>
    private async Task SetUpAsync(int cases, string plan = "small")
    {
        _folder = $"ds-{Guid.NewGuid():N}";
        new DatasetBuilder(_fixture.Data.LabRoot(_lab)).WriteFran(_folder, goodCases: cases);
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, _folder);
        await Plan(plan).ReviseAsync(PlanAt(2.0), 0, null);
    }

    private static PlanSettings PlanAt(double spacing) => SamplePlans.Small() with
    {
        Preprocessing = SamplePlans.Small().Preprocessing with { Spacing = [spacing, spacing, spacing] },
    };

    internal static async Task<PreprocessingStatus> WaitAsync(IPreprocessingGrain job)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var status = (await job.GetStatusAsync())!;
            if (status.State != PreprocessingJobState.Running)
                return status;
            Assert.True(DateTime.UtcNow < deadline, "Preprocessing did not finish within 120 s.");
            await Task.Delay(100);
        }
    }

    private string OutputFolder(PreprocessingStatus status) =>
        Path.Combine(_fixture.Work.Root, "preprocessed", _lab, ScannedProjects.Project, status.DatasetKey);

    [Fact]
    public async Task A_job_stores_every_case_with_a_summary_and_a_second_start_of_the_same_plan_redoes_nothing()
    {
        await SetUpAsync(cases: 4);

        var started = await Job().StartAsync();
        var done = await WaitAsync(Job());

        Assert.Equal((1, PreprocessingJobState.Completed), (started.PlanVersion, done.State));
        Assert.StartsWith("small_", done.DatasetKey, StringComparison.Ordinal);
        Assert.Equal((4, 4, 0, 0), (done.Total, done.Done, done.Skipped, done.Failed));
        Assert.Equal(4, PreprocessedCaseRecords.CompleteCaseIds(OutputFolder(done)).Count);
        Assert.True(File.Exists(Path.Combine(OutputFolder(done), PreprocessedDatasetSummary.FileName)));
        var summary = done.Summary!;
        Assert.Equal(4, summary.Cases);
        Assert.Contains(summary.Labels, l => l.Label > 0 && l.Cases == 4 && l.Voxels > 0);
        // Per-case z-score: the pooled foreground-and-background statistics are near 0 and 1.
        Assert.InRange(summary.Channels[0].Mean, -0.1, 0.1);
        Assert.InRange(summary.Channels[0].StandardDeviation, 0.9, 1.1);

        var again = await Job().StartAsync();
        var second = await WaitAsync(Job());
        Assert.Equal(done.DatasetKey, again.DatasetKey);
        Assert.Equal((4, 0, 4), (second.Total, second.Done, second.Skipped));
    }

    [Fact]
    public async Task A_new_plan_version_that_changes_voxels_writes_a_new_dataset_and_leaves_the_old_one()
    {
        await SetUpAsync(cases: 2);
        var first = await WaitAsync(await StartAndReturn(Job()));

        await Plan().ReviseAsync(PlanAt(3.0), 1, "coarser");
        await Job().StartAsync();
        var second = await WaitAsync(Job());

        Assert.Equal(2, second.PlanVersion);
        Assert.NotEqual(first.DatasetKey, second.DatasetKey);
        Assert.Equal((2, 2, 0), (second.Total, second.Done, second.Skipped));
        Assert.Equal(2, PreprocessedCaseRecords.CompleteCaseIds(OutputFolder(first)).Count);
    }

    [Fact]
    public async Task A_case_whose_file_disappeared_after_the_scan_is_reported_with_its_reason_and_the_rest_go_on()
    {
        await SetUpAsync(cases: 3);
        var image = Directory.GetFiles(Path.Combine(_fixture.Data.LabRoot(_lab), _folder, "images")).Order().First();
        File.Delete(image);

        await Job().StartAsync();
        var done = await WaitAsync(Job());

        Assert.Equal(PreprocessingJobState.Completed, done.State);
        Assert.Equal((3, 2, 1), (done.Total, done.Done, done.Failed));
        var failure = Assert.Single(done.Failures);
        Assert.Contains(Path.GetFileName(image), failure.Reason, StringComparison.Ordinal);
        Assert.Contains("rescan", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_job_keeps_its_finished_cases_and_a_new_start_continues_from_them()
    {
        // Enough cases that the job is still running when its first progress report (at most 0.1 s late) is seen.
        const int cases = 150;
        await SetUpAsync(cases);

        await Job().StartAsync();
        // Cancel once some case is finished, so the new start has something to continue from.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await Job().GetStatusAsync())!.Done == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "No case was finished within a minute.");
            await Task.Delay(20);
        }

        var cancelled = await Job().CancelAsync();

        Assert.Equal(PreprocessingJobState.Cancelled, cancelled.State);
        var folder = OutputFolder(cancelled);
        var kept = PreprocessedCaseRecords.CompleteCaseIds(folder).Count;
        Assert.InRange(kept, 1, cases - 1);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp*"));

        await Job().StartAsync();
        var resumed = await WaitAsync(Job());
        Assert.Equal((PreprocessingJobState.Completed, cases, kept), (resumed.State, resumed.Total, resumed.Skipped));
        Assert.Equal(cases - kept, resumed.Done);
    }

    [Fact]
    public async Task Starting_needs_a_saved_plan_and_a_ct_channel_needs_the_fingerprint()
    {
        _folder = $"ds-{Guid.NewGuid():N}";
        new DatasetBuilder(_fixture.Data.LabRoot(_lab)).WriteFran(_folder, goodCases: 2);
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, _folder);

        await Assert.ThrowsAsync<PlatformNotFoundException>(() => Job("unsaved").StartAsync());
        Assert.Null(await Job("unsaved").GetStatusAsync());

        var ct = PlanAt(2.0) with { Preprocessing = PlanAt(2.0).Preprocessing with { Normalization = [NormalizationScheme.CT] } };
        await Plan("ct").ReviseAsync(ct, 0, null);
        await Job("ct").StartAsync();
        var done = await WaitAsync(Job("ct"));
        Assert.Equal((PreprocessingJobState.Completed, 2), (done.State, done.Done));
    }

    [Fact]
    public async Task Patch_mode_cuts_the_source_plans_finished_cases_into_grid_patches()
    {
        await SetUpAsync(cases: 2, plan: "source");
        var patches = PlanAt(2.0) with
        {
            Preprocessing = PlanAt(2.0).Preprocessing with { Mode = PreprocessingMode.Patch, SourcePlan = "source", PatchOverlap = 0.25 },
            Network = PlanAt(2.0).Network with { PatchSize = [8, 8, 8], Stages = [new PlanStage(32, [3, 3, 3], [1, 1, 1]), new PlanStage(64, [3, 3, 3], [2, 2, 2])] },
        };
        var saved = await Plan("patches").ReviseAsync(patches, 0, null);
        Assert.True(saved.Outcome == PlanRevisionOutcome.Saved, string.Join("; ", saved.Errors.Select(e => $"{e.Field}: {e.Message}")));

        // Before the source is preprocessed, patch mode has nothing to cut.
        await Assert.ThrowsAsync<PlatformConflictException>(() => Job("patches").StartAsync());
        await Job("source").StartAsync();
        var source = await WaitAsync(Job("source"));
        await Job("patches").StartAsync();
        var cut = await WaitAsync(Job("patches"));

        Assert.Equal((PreprocessingJobState.Completed, 2, 0), (cut.State, cut.Total, cut.Failed));
        var sourceCases = source.Summary!.Cases;
        Assert.True(cut.Summary!.Cases > sourceCases, $"{cut.Summary.Cases} patches from {sourceCases} cases.");
        Assert.All(PreprocessedCaseRecords.CompleteCaseIds(OutputFolder(cut)), id =>
            Assert.Equal([8, 8, 8], PreprocessedCaseRecords.Read(OutputFolder(cut), id).Statistics.Shape));
    }

    private static async Task<IPreprocessingGrain> StartAndReturn(IPreprocessingGrain job)
    {
        await job.StartAsync();
        return job;
    }
}
