using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Sweeps;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Training;

/// <summary>
/// A run or a sweep asked for a fold its split does not have is refused when it is requested, with the split and its
/// folds named, and nothing is left behind; a fold the split has is accepted.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class FoldRequestTests
{
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];

    public FoldRequestTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    /// <summary>A scanned project of ten cases, plan "base" v1 and a five-fold split "default".</summary>
    private async Task PrepareAsync()
    {
        var folder = $"ds-{Guid.NewGuid():N}";
        new DatasetBuilder(_fixture.Data.LabRoot(_lab)).WriteFran(folder, goodCases: 10);
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, folder);
        await _fixture.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(_lab, ScannedProjects.Project, "base")).ReviseAsync(SamplePlans.Small(), 0, null);
        await _fixture.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(_lab, ScannedProjects.Project, "default")).GenerateAsync(new SplitSpec(FoldCount: 5, Seed: 3));
    }

    private ITrainingRunGrain NewRun(int? fold) =>
        _fixture.Grains.GetGrain<ITrainingRunGrain>(GrainKeys.Run(_lab, ScannedProjects.Project, RunIds.New("base", fold, DateTimeOffset.UtcNow)));

    [Fact]
    public async Task A_run_on_fold_7_of_a_five_fold_split_is_refused_naming_the_split_and_its_folds()
    {
        await PrepareAsync();
        var run = NewRun(7);

        var refused = await Assert.ThrowsAsync<PlatformValidationException>(() => run.CreateAsync(new RunRequest("base", 1, 7, 1, "default")));

        Assert.Equal("fold", refused.Field);
        Assert.Equal("Split 'default' has 5 folds, 0 to 4; there is no fold 7.", refused.Message);
        Assert.Null(await run.GetAsync());
        Assert.Empty((await _fixture.Grains.GetGrain<IProjectListGrain>(GrainKeys.ProjectList(_lab, ScannedProjects.Project))
            .ListItemsAsync(new ProjectItemQuery(ProjectItemKind.Run))).Items);

        // The last fold there is, and no fold at all (every case), are accepted; no split name means "default".
        Assert.Equal(RunState.Queued, (await NewRun(4).CreateAsync(new RunRequest("base", 1, 4, 1, null))).State);
        Assert.Equal(RunState.Queued, (await NewRun(null).CreateAsync(new RunRequest("base", 1, null, 1, "no-such-split"))).State);
    }

    [Fact]
    public async Task A_run_on_a_fold_of_a_split_that_was_never_saved_is_refused()
    {
        await PrepareAsync();

        var refused = await Assert.ThrowsAsync<PlatformValidationException>(() => NewRun(0).CreateAsync(new RunRequest("base", 1, 0, 1, "stratified")));

        Assert.Equal("split", refused.Field);
        Assert.Contains("Split 'stratified' of project 'kidney' has not been saved yet", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_on_a_fold_the_split_does_not_have_is_refused_before_any_trial_plan_is_saved()
    {
        await PrepareAsync();
        var sweep = _fixture.Grains.GetGrain<ISweepGrain>(GrainKeys.Sweep(_lab, ScannedProjects.Project, "lr"));

        var refused = await Assert.ThrowsAsync<PlatformValidationException>(() => sweep.StartAsync(new SweepRequest("base", 1, 5, "default", 1,
            [SweepParameter.LogUniform("training.learningRate", 1e-4, 1e-1)], 2, 1, new AshaSettings(1, 2))));

        Assert.Equal("Split 'default' has 5 folds, 0 to 4; there is no fold 5.", refused.Message);
        Assert.Null(await sweep.GetAsync());
        Assert.Null(await _fixture.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(_lab, ScannedProjects.Project, "lr-t1")).GetAsync());
    }
}
