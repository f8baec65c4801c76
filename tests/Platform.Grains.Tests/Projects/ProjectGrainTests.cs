using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Tests.Hosting;
using Platform.Plans.Tasks;
using Xunit;

namespace Platform.Grains.Tests.Projects;

[Collection(SiloCollection.Name)]
public sealed class ProjectGrainTests
{
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];

    public ProjectGrainTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private IProjectGrain Project(string title) => _fixture.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(_lab, title));

    [Theory]
    [InlineData("kidney_ct")]
    [InlineData("SEG005_Kidney")]
    [InlineData("CLS012_Lungs")]
    public async Task A_project_with_a_valid_title_is_created_and_listed_in_its_lab(string title)
    {
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_lab)).CreateAsync("Lab", TestIdentity.Admin);

        // A task name's prefix says the kind; a FRAN title is created as the default, segmentation.
        var kind = AsparagusTaskName.TryParse(title)?.Kind ?? TaskKind.Segmentation;
        var created = await Project(title).CreateAsync("  Kidney tumours on CT ", kind);

        Assert.Equal(title, created.Title);
        Assert.Equal("Kidney tumours on CT", created.Description);
        Assert.Equal(TestIdentity.Admin, created.CreatedBy);
        Assert.Equal(kind, created.Kind);
        Assert.True(created.SameAs(await Project(title).GetAsync()));
        var listed = await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_lab)).ListProjectsAsync();
        Assert.Equal(title, Assert.Single(listed).Title);
    }

    [Theory]
    [InlineData("kidney-ct")]
    [InlineData("Kidney")]
    [InlineData("9lives")]
    [InlineData("SEG05_Kidney")]
    public void Titles_breaking_fran_rules_are_refused_when_the_key_is_built(string title)
    {
        var error = Assert.Throws<PlatformValidationException>(() => GrainKeys.Project(_lab, title));
        Assert.Equal("title", error.Field);
    }

    [Fact]
    public async Task An_archived_project_refuses_new_plans_until_restored_and_keeps_what_it_has()
    {
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_lab)).CreateAsync("Lab", TestIdentity.Admin);
        await Project("liver").CreateAsync("Liver");
        var plan = _fixture.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(_lab, "liver", "base"));
        Assert.Equal(PlanRevisionOutcome.Saved, (await plan.ReviseAsync(SamplePlans.Small(), 0, null)).Outcome);

        var archived = await Project("liver").ArchiveAsync();
        Assert.True(archived.IsArchived);
        await Assert.ThrowsAsync<PlatformConflictException>(() => plan.ReviseAsync(SamplePlans.Small(4), 1, null));
        Assert.Equal(1, (await plan.GetAsync())!.Version);

        await Project("liver").RestoreAsync();
        Assert.Equal(PlanRevisionOutcome.Saved, (await plan.ReviseAsync(SamplePlans.Small(4), 1, null)).Outcome);
        var plans = await _fixture.Grains.GetGrain<IProjectListGrain>(GrainKeys.ProjectList(_lab, "liver")).ListPlansAsync();
        Assert.Equal([("base", 2)], plans.Select(p => (p.Name, p.Latest.Version)));
    }

    [Fact]
    public async Task Creating_again_with_another_description_is_a_conflict()
    {
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_lab)).CreateAsync("Lab", TestIdentity.Admin);
        await Project("spleen").CreateAsync("First");

        await Assert.ThrowsAsync<PlatformConflictException>(() => Project("spleen").CreateAsync("Second"));
        Assert.Equal("First", (await Project("spleen").GetAsync())!.Description);
    }

    [Fact]
    public async Task Label_groups_are_kept_sorted_and_bad_ones_are_refused_without_changing_the_saved_ones()
    {
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_lab)).CreateAsync("Lab", TestIdentity.Admin);
        await Project("kidney").CreateAsync("Kidney");

        var saved = await Project("kidney").SetLabelGroupsAsync(new Dictionary<string, IReadOnlyList<int>> { ["kidney"] = [2, 1], ["tumour"] = [2] });
        await Assert.ThrowsAsync<PlatformValidationException>(() => Project("kidney").SetLabelGroupsAsync(new Dictionary<string, IReadOnlyList<int>> { ["Bad-Name"] = [1] }));
        await Assert.ThrowsAsync<PlatformValidationException>(() => Project("kidney").SetLabelGroupsAsync(new Dictionary<string, IReadOnlyList<int>> { ["empty"] = [] }));
        await Assert.ThrowsAsync<PlatformValidationException>(() => Project("kidney").SetLabelGroupsAsync(new Dictionary<string, IReadOnlyList<int>> { ["bg"] = [0] }));

        Assert.Equal([1, 2], saved.LabelGroups["kidney"]);
        var now = (await Project("kidney").GetAsync())!.LabelGroups;
        Assert.Equal(["kidney", "tumour"], now.Keys.Order());
        Assert.Equal([2], now["tumour"]);
    }
}
