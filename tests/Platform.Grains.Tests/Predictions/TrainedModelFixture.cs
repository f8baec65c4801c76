using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Engine;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Predictions;

/// <summary>
/// One CPU-training silo on its own database with a lab whose project holds six scanned phantoms and a completed fold-0
/// run of the tiny plan (so a real model package), and a scientist of another lab. The tests of a class share it.
/// </summary>
public sealed class TrainedModelFixture : IAsyncLifetime
{
    private TestDatabaseHandle? _database;
    private TrainingCluster? _cluster;

    public TempDataRoot Data { get; } = new();

    public IGrainFactory Grains => (_cluster ?? throw new InvalidOperationException("Fixture not initialised.")).Grains;

    public string Lab { get; } = TrainingSetup.NewLabId("lab-p");

    public string OtherLab { get; } = TrainingSetup.NewLabId("lab-o");

    /// <summary>A scientist of <see cref="OtherLab"/> only.</summary>
    public string Outsider { get; } = $"outsider-{Guid.NewGuid():N}"[..18];

    public string Project => ScannedProjects.Project;

    public RunSnapshot Run { get; private set; } = null!;

    public IReadOnlyList<string> ValidationCases { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("predictions");
        _cluster = await TrainingCluster.StartAsync(_database.ConnectionString, "pred", Data.Root, silos: 1, EngineStudy.SiloSettings());
        TestIdentity.ActAs(TestIdentity.Admin);
        await EngineStudy.PrepareAsync(Grains, Data.Root, Lab, cases: 6, seed: 41, EngineStudy.TinyPlan(epochs: 2));
        await Grains.GetGrain<ILabGrain>(GrainKeys.Lab(OtherLab)).CreateAsync("Other lab", TestIdentity.Admin);
        await Grains.GetGrain<ILabGrain>(GrainKeys.Lab(OtherLab)).SetMemberAsync(Outsider, LabRole.Scientist);
        var split = Grains.GetGrain<ISplitGrain>(GrainKeys.Split(Lab, Project, "default"));
        await split.GenerateAsync(new SplitSpec(FoldCount: 3, Seed: 5));
        ValidationCases = (await split.GetFoldAsync(0)).Validation;
        await TrainingSetup.WaitForSlotsAsync(Grains, Lab, slots: 1);
        var key = GrainKeys.Run(Lab, Project, RunIds.New(EngineStudy.Plan, 0, DateTimeOffset.UtcNow));
        await Grains.GetGrain<ITrainingRunGrain>(key).CreateAsync(new RunRequest(EngineStudy.Plan, 1, 0, 3, "default"));
        Run = await TrainingSetup.WaitForRunAsync(Grains, key, r => RunStateMachine.IsFinal(r.State), "finished", TimeSpan.FromMinutes(6));
        Assert.True(Run.State == RunState.Completed, $"The model's run ended {Run.State}.");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        Data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class TrainedModelCollection : ICollectionFixture<TrainedModelFixture>
{
    public const string Name = "trained-model";
}
