using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Tests.Hosting;
using Platform.Plans;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Projects;

/// <summary>The fingerprint and auto-configuration, end to end: generated files → scan → catalog → fingerprint → plan.</summary>
[Collection(SiloCollection.Name)]
public sealed class FingerprintAndSuggestionTests
{
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];

    public FingerprintAndSuggestionTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private IProjectGrain Project => _fixture.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(_lab, "kidney"));

    private async Task RegisterAsync(Defects defects)
    {
        var folder = $"ds-{Guid.NewGuid():N}";
        new DatasetBuilder(_fixture.Data.LabRoot(_lab)).WriteFran(folder, goodCases: 5, defects);
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, folder);
    }

    [Fact]
    public async Task The_fingerprint_covers_the_usable_cases_and_says_which_were_left_out_and_why()
    {
        await RegisterAsync(Defects.EmptyLabel | Defects.TruncatedFile);

        var fingerprint = await Project.GetFingerprintAsync(null);

        Assert.Equal(5, fingerprint.Cases);
        Assert.Equal(5L * 24 * 24 * 16, fingerprint.TotalVoxels);
        Assert.Equal([1.5, 1.5, 2.5], fingerprint.Spacing.Select(a => a.Median));
        Assert.Equal([24.0, 24.0, 16.0], fingerprint.Shape.Select(a => a.Median));
        Assert.Equal([1, 2], fingerprint.Labels.Where(l => l.Label > 0).Select(l => l.Label));
        Assert.All(fingerprint.Labels.Where(l => l.Label > 0), l => Assert.Equal(5, l.Cases));
        // Foreground is the two organs: about 60 and 150 HU with noise of at most ±20.
        var channel = Assert.Single(fingerprint.Channels);
        Assert.InRange(channel.Min, 40, 80);
        Assert.InRange(channel.Max, 130, 170);
        Assert.InRange(channel.Mean, 60, 150);
        Assert.Equal(["empty", "trunc"], fingerprint.Excluded.Select(e => e.CaseId).Order());
        Assert.Contains("empty label", Assert.Single(fingerprint.Excluded, e => e.CaseId == "empty").Reason);
    }

    [Fact]
    public async Task A_suggested_plan_follows_the_fingerprint_and_can_be_saved_as_it_is()
    {
        await RegisterAsync(Defects.None);

        var suggestion = await Project.SuggestPlanAsync(new PlanSuggestionRequest(GpuMemoryGb: 8));
        var plan = suggestion.Settings;

        Assert.Equal(["kits"], plan.Data.Datasources);
        // 2.5 mm is not more than 3x the in-plane 1.5 mm: the median spacing is the target.
        Assert.Equal([1.5, 1.5, 2.5], plan.Preprocessing.Spacing);
        Assert.Equal([NormalizationScheme.ZScore], plan.Preprocessing.Normalization);
        Assert.Empty(PlanRules.Check(plan));
        Assert.True(suggestion.EstimatedMemoryBytes <= 8e9);
        Assert.NotEmpty(suggestion.Notes);
        var saved = await _fixture.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(_lab, "kidney", "3d_fullres")).ReviseAsync(plan, 0, "auto-configured");
        Assert.Equal(PlanRevisionOutcome.Saved, saved.Outcome);
    }

    [Fact]
    public async Task Asking_for_a_datasource_the_project_does_not_have_is_refused()
    {
        await RegisterAsync(Defects.None);

        var error = await Assert.ThrowsAsync<PlatformValidationException>(() => Project.GetFingerprintAsync(["elsewhere"]));

        Assert.Contains("elsewhere", error.Message);
    }
}
