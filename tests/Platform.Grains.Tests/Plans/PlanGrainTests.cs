using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Tests.Hosting;
using Xunit;

namespace Platform.Grains.Tests.Plans;

[Collection(SiloCollection.Name)]
public sealed class PlanGrainTests
{
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];

    public PlanGrainTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private async Task<IPlanGrain> NewPlanAsync()
    {
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_lab)).CreateAsync("Lab", TestIdentity.Admin);
        await _fixture.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(_lab, "kidney")).CreateAsync("Kidney");
        return _fixture.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(_lab, "kidney", "3d_fullres"));
    }

    [Fact]
    public async Task Each_save_makes_a_new_version_with_author_time_and_comment()
    {
        var plan = await NewPlanAsync();

        var first = await plan.ReviseAsync(SamplePlans.Small(2), 0, "first");
        var second = await plan.ReviseAsync(SamplePlans.Small(4), 1, null);

        Assert.Equal(PlanRevisionOutcome.Saved, first.Outcome);
        Assert.Equal(2, second.Current!.Version);
        Assert.Equal(TestIdentity.Admin, second.Current.Author);
        var history = await plan.ListVersionsAsync();
        Assert.Equal([2, 1], history.Select(v => v.Version));
        Assert.Equal("first", history[1].Comment);
        Assert.Equal(2, (await plan.GetVersionAsync(1)).Settings.Network.BatchSize);
        Assert.Equal(4, (await plan.GetAsync())!.Settings.Network.BatchSize);
    }

    [Fact]
    public async Task A_save_based_on_a_stale_version_is_refused_and_returns_both_versions()
    {
        var plan = await NewPlanAsync();
        await plan.ReviseAsync(SamplePlans.Small(2), 0, null);
        await plan.ReviseAsync(SamplePlans.Small(3), 1, "someone else");

        var mine = SamplePlans.Small(8);
        var result = await plan.ReviseAsync(mine, 1, "mine");

        Assert.Equal(PlanRevisionOutcome.Conflict, result.Outcome);
        Assert.Equal(2, result.Current!.Version);
        Assert.Equal(3, result.Current.Settings.Network.BatchSize);
        Assert.Equal(8, result.Refused!.Network.BatchSize);
        Assert.Equal(2, (await plan.ListVersionsAsync()).Count);
    }

    [Fact]
    public async Task An_invalid_plan_is_refused_with_field_errors_and_nothing_is_saved()
    {
        var plan = await NewPlanAsync();
        var invalid = SamplePlans.Small() with
        {
            Network = SamplePlans.Small().Network with { PatchSize = [100, 128, 128] },
            Training = SamplePlans.Small().Training with { LearningRate = 0 },
        };

        var result = await plan.ReviseAsync(invalid, 0, null);

        Assert.Equal(PlanRevisionOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Field == "network.patchSize" && e.Message.Contains("divisible", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Field == "training.learningRate");
        Assert.Null(await plan.GetAsync());
    }

    [Fact]
    public async Task Compare_lists_exactly_the_fields_that_changed()
    {
        var plan = await NewPlanAsync();
        await plan.ReviseAsync(SamplePlans.Small(2), 0, null);
        var changed = SamplePlans.Small(4) with
        {
            Preprocessing = SamplePlans.Small().Preprocessing with { Spacing = [0.8, 0.8, 1.5] },
        };
        await plan.ReviseAsync(changed, 1, null);

        var changes = await plan.CompareAsync(1, 2);

        Assert.Equal(["network.batchSize", "preprocessing.spacing"], changes.Select(c => c.Field).Order());
        var spacing = Assert.Single(changes, c => c.Field == "preprocessing.spacing");
        Assert.Equal("[1,1,1]", spacing.Before);
        Assert.Equal("[0.8,0.8,1.5]", spacing.After);
    }

    [Fact]
    public async Task A_plan_in_a_project_that_does_not_exist_cannot_be_saved()
    {
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_lab)).CreateAsync("Lab", TestIdentity.Admin);
        var orphan = _fixture.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(_lab, "nowhere", "base"));

        await Assert.ThrowsAsync<PlatformNotFoundException>(() => orphan.ReviseAsync(SamplePlans.Small(), 0, null));
        Assert.Empty(await orphan.ListVersionsAsync());
    }

    [Fact]
    public async Task Fifty_concurrent_edits_from_several_clients_keep_every_accepted_edit_and_tell_every_refused_one()
    {
        var plan = await NewPlanAsync();
        await plan.ReviseAsync(SamplePlans.Small(1), 0, "start");
        for (var i = 0; i < 50; i++)
            await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_lab)).SetMemberAsync($"editor-{i}", Abstractions.Tenancy.LabRole.Scientist);
        var clients = new List<ClusterClient>();
        for (var i = 0; i < 5; i++)
            clients.Add(await ClusterClient.ConnectAsync(_fixture.Database.ConnectionString, SiloFixture.ServiceId, SiloFixture.ClusterId));

        try
        {
            var edits = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
            {
                var author = $"editor-{i}";
                var grain = clients[i % clients.Count].Client.GetGrain<IPlanGrain>(GrainKeys.Plan(_lab, "kidney", "3d_fullres"));
                TestIdentity.ActAs(author);
                var basedOn = (await grain.GetAsync())!.Version;
                var result = await grain.ReviseAsync(SamplePlans.Small(2 + i), basedOn, author);
                return (Author: author, BasedOn: basedOn, Result: result);
            })).ToList();
            var results = await Task.WhenAll(edits);

            TestIdentity.ActAs(TestIdentity.Admin);
            var history = await plan.ListVersionsAsync();
            var saved = results.Where(r => r.Result.Outcome == PlanRevisionOutcome.Saved).ToList();
            var refused = results.Where(r => r.Result.Outcome == PlanRevisionOutcome.Conflict).ToList();

            Assert.Equal(50, saved.Count + refused.Count);
            Assert.NotEmpty(saved);
            // History is gap-free, and holds exactly the accepted edits, each under its author and the version it got.
            Assert.Equal(Enumerable.Range(1, saved.Count + 1).Reverse(), history.Select(v => v.Version));
            foreach (var edit in saved)
            {
                Assert.Equal(edit.BasedOn + 1, edit.Result.Current!.Version);
                Assert.Equal(edit.Author, history.Single(v => v.Version == edit.Result.Current.Version).Author);
            }

            // Each refused edit was told, with the newer version that beat it and its own settings back.
            foreach (var edit in refused)
            {
                Assert.True(edit.Result.Current!.Version > edit.BasedOn);
                Assert.NotNull(edit.Result.Refused);
                Assert.DoesNotContain(history, v => v.Author == edit.Author);
            }
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
        }
    }
}
