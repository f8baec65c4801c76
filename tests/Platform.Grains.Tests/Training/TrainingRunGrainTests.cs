using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Xunit;

namespace Platform.Grains.Tests.Training;

[Collection(SiloCollection.Name)]
public sealed class TrainingRunGrainTests
{
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];

    public TrainingRunGrainTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private async Task<ITrainingRunGrain> NewRunGrainAsync()
    {
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_lab)).CreateAsync("Lab", TestIdentity.Admin);
        await _fixture.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(_lab, "kidney")).CreateAsync("Kidney");
        await _fixture.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(_lab, "kidney", "base")).ReviseAsync(SamplePlans.Small(), 0, null);
        return _fixture.Grains.GetGrain<ITrainingRunGrain>(GrainKeys.Run(_lab, "kidney", RunIds.New("base", 0, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task A_new_run_is_queued_and_records_what_it_trains_and_the_software_version()
    {
        var run = await NewRunGrainAsync();

        var created = await run.CreateAsync(new RunRequest("base", 1, null, 42, "default"));

        Assert.Equal(RunState.Queued, created.State);
        Assert.Equal(new RunRequest("base", 1, null, 42, "default"), created.Request);
        Assert.False(string.IsNullOrWhiteSpace(created.SoftwareVersion));
        Assert.Equal(TestIdentity.Admin, created.CreatedBy);
        // The chosen seed overrides the plan's; the fold's number is added.
        Assert.Equal(42, created.TrainingSeed);
        var listed = await _fixture.Grains.GetGrain<IProjectListGrain>(GrainKeys.ProjectList(_lab, "kidney")).ListItemsAsync(new ProjectItemQuery(ProjectItemKind.Run));
        var row = Assert.Single(listed.Items);
        Assert.Equal((created.RunId, "Queued", true, "base", 1, (int?)null, (int?)SamplePlans.Small().Training.Epochs), (row.Name, row.State, row.Active, row.PlanName, row.PlanVersion, row.Fold, row.EpochsTotal));
    }

    [Fact]
    public async Task A_run_without_a_seed_trains_with_the_plans_seed_and_says_so()
    {
        var run = await NewRunGrainAsync();

        // No fold: this project has no split (a fold's number is added to the seed: PlanFieldEffectTests).
        var created = await run.CreateAsync(new RunRequest("base", 1, null, Seed: null, "default"));

        var planSeed = SamplePlans.Small().Training.Seed;
        Assert.Equal(planSeed, created.TrainingSeed);
        Assert.Equal($"{planSeed} (the plan's seed)", created.SeedDescription);
    }

    [Fact]
    public async Task A_run_of_a_plan_version_that_does_not_exist_is_refused()
    {
        var run = await NewRunGrainAsync();

        await Assert.ThrowsAsync<PlatformNotFoundException>(() => run.CreateAsync(new RunRequest("base", 7, null, 42, null)));
        Assert.Null(await run.GetAsync());
    }

    [Fact]
    public async Task Cancelling_is_recorded_in_the_history_and_is_final()
    {
        var run = await NewRunGrainAsync();
        await run.CreateAsync(new RunRequest("base", 1, null, 1, null));

        await Assert.ThrowsAsync<PlatformConflictException>(run.PauseAsync);
        await Assert.ThrowsAsync<PlatformConflictException>(run.ResumeAsync);
        var cancelled = await run.CancelAsync("wrong plan");

        Assert.Equal(RunState.Cancelled, cancelled.State);
        var last = cancelled.History[^1];
        Assert.Equal((RunState.Queued, RunState.Cancelled, "wrong plan", TestIdentity.Admin), (last.From, last.To, last.Reason, last.By));
        Assert.Contains("can no longer change", (await Assert.ThrowsAsync<PlatformConflictException>(() => run.CancelAsync(null))).Message);
    }

    [Fact]
    public async Task Progress_and_outcome_can_only_be_reported_by_platform_grains()
    {
        var run = await NewRunGrainAsync();
        await run.CreateAsync(new RunRequest("base", 1, null, 1, null));

        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => run.MoveAsync(RunState.Completed, "forged"));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() =>
            run.RecordEpochAsync(new EpochMetrics(0, 0.1, null, new Dictionary<int, double>(), 0.01, 1)));
        Assert.Equal(RunState.Queued, (await run.GetAsync())!.State);
    }
}
