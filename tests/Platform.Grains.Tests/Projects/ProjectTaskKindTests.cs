using Npgsql;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Tests.Hosting;
using Platform.Plans.Tasks;
using Xunit;

namespace Platform.Grains.Tests.Projects;

/// <summary>A project's task kind: chosen at creation, stored, and checked against Asparagus task names within the lab.</summary>
[Collection(SiloCollection.Name)]
public sealed class ProjectTaskKindTests
{
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];

    public ProjectTaskKindTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private IProjectGrain Project(string title, string? lab = null) => _fixture.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(lab ?? _lab, title));

    private Task CreateLabAsync(string? lab = null) => _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(lab ?? _lab)).CreateAsync("Lab", TestIdentity.Admin);

    [Fact]
    public async Task The_kind_is_stored_and_read_back_after_the_grain_is_activated_again()
    {
        await CreateLabAsync();
        var created = await Project("REGR005_Age").CreateAsync("Age from MRI", TaskKind.Regression);
        await Project("sald_fran").CreateAsync("A FRAN title suits any kind", TaskKind.Pretraining);

        await _fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal(TaskKind.Regression, created.Kind);
        Assert.Equal(TaskKind.Regression, (await Project("REGR005_Age").GetAsync())!.Kind);
        Assert.Equal(TaskKind.Pretraining, (await Project("sald_fran").GetAsync())!.Kind);
        var listed = await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_lab)).ListProjectsAsync();
        Assert.Equal([("REGR005_Age", TaskKind.Regression), ("sald_fran", TaskKind.Pretraining)], listed.Select(p => (p.Title, p.Kind)));
    }

    [Fact]
    public async Task A_project_created_without_a_kind_is_segmentation_and_repeating_it_with_another_kind_is_a_conflict()
    {
        await CreateLabAsync();
        Assert.Equal(TaskKind.Segmentation, (await Project("kidney").CreateAsync("Kidney")).Kind);

        var error = await Assert.ThrowsAsync<PlatformConflictException>(() => Project("kidney").CreateAsync("Kidney", TaskKind.Classification));
        Assert.Contains("Segmentation", error.Message, StringComparison.Ordinal);
        Assert.Equal(TaskKind.Segmentation, (await Project("kidney").GetAsync())!.Kind);
    }

    [Fact]
    public async Task A_task_name_whose_prefix_is_not_the_chosen_kind_is_refused_naming_both()
    {
        await CreateLabAsync();

        var error = await Assert.ThrowsAsync<PlatformValidationException>(() => Project("CLS003_Sald").CreateAsync("", TaskKind.Regression));

        Assert.Equal("kind", error.Field);
        Assert.Contains("Classification task (prefix CLS)", error.Message, StringComparison.Ordinal);
        Assert.Contains("created as Regression", error.Message, StringComparison.Ordinal);
        Assert.Null(await Project("CLS003_Sald").GetAsync());
    }

    [Fact]
    public async Task A_task_number_is_unique_per_kind_within_a_lab_only()
    {
        var otherLab = $"lab-{Guid.NewGuid():N}"[..20];
        await CreateLabAsync();
        await CreateLabAsync(otherLab);
        await Project("CLS003_A").CreateAsync("", TaskKind.Classification);

        var error = await Assert.ThrowsAsync<PlatformConflictException>(() => Project("CLS003_B").CreateAsync("", TaskKind.Classification));

        Assert.Contains("CLS003", error.Message, StringComparison.Ordinal);
        Assert.Contains("'CLS003_A'", error.Message, StringComparison.Ordinal);
        Assert.Null(await Project("CLS003_B").GetAsync());
        // The same number of another kind, or in another lab, is free; creating the holder again is harmless.
        Assert.Equal(TaskKind.Regression, (await Project("REGR003_B").CreateAsync("", TaskKind.Regression)).Kind);
        Assert.Equal(TaskKind.Classification, (await Project("CLS003_B", otherLab).CreateAsync("", TaskKind.Classification)).Kind);
        Assert.Equal("CLS003_A", (await Project("CLS003_A").CreateAsync("", TaskKind.Classification)).Title);
    }

    [Fact]
    public async Task Of_concurrent_creations_with_the_same_number_exactly_one_succeeds()
    {
        await CreateLabAsync();
        var titles = Enumerable.Range(0, 8).Select(i => $"SEG042_Organ{i}").ToList();

        var outcomes = await Task.WhenAll(titles.Select(async title =>
        {
            try
            {
                await Project(title).CreateAsync("", TaskKind.Segmentation);
                return (title, Created: true);
            }
            catch (PlatformConflictException)
            {
                return (title, Created: false);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Created).title;
        foreach (var title in titles)
            Assert.Equal(title == winner, await Project(title).GetAsync() is not null);
    }

    [Fact]
    public async Task A_project_whose_number_was_never_claimed_claims_it_when_activated()
    {
        await CreateLabAsync();
        await Project("SEG077_Liver").CreateAsync("");
        // As a project stored before migration 0017: no claim in the table.
        await using (var connection = new NpgsqlConnection(_fixture.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var forget = new NpgsqlCommand("DELETE FROM project_task_number WHERE lab_id = $1", connection) { Parameters = { new() { Value = _lab } } };
            Assert.Equal(1, await forget.ExecuteNonQueryAsync());
        }

        await _fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.NotNull(await Project("SEG077_Liver").GetAsync());

        var error = await Assert.ThrowsAsync<PlatformConflictException>(() => Project("SEG077_Spleen").CreateAsync(""));
        Assert.Contains("'SEG077_Liver'", error.Message, StringComparison.Ordinal);
    }
}
