using System.Text.Json;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Tests.Hosting;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Splits;

[Collection(SiloCollection.Name)]
public sealed class SplitGrainTests
{
    private const int Cases = 10;
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];

    public SplitGrainTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private ISplitGrain Split(string name) => _fixture.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(_lab, "kidney", name));

    /// <summary>A project with one datasource of <see cref="Cases"/> good cases, scanned.</summary>
    private async Task RegisterCasesAsync()
    {
        var folder = $"ds-{Guid.NewGuid():N}";
        new DatasetBuilder(_fixture.Data.Root).WriteFran(folder, goodCases: Cases);
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, folder);
    }

    private async Task<List<SplitFoldCases>> FoldsAsync(ISplitGrain split, int count)
    {
        var folds = new List<SplitFoldCases>();
        for (var f = 0; f < count; f++)
            folds.Add(await split.GetFoldAsync(f));
        return folds;
    }

    [Fact]
    public async Task A_five_fold_split_is_disjoint_covers_every_case_and_is_reproducible_from_its_seed()
    {
        await RegisterCasesAsync();

        var saved = await Split("default").GenerateAsync(new SplitSpec(Seed: 7));
        var folds = await FoldsAsync(Split("default"), 5);

        Assert.Equal((1, Cases, 0), (saved.Version, saved.Cases, saved.Test));
        Assert.All(folds, f => Assert.Equal((8, 2), (f.Train.Count, f.Validation.Count)));
        var validation = folds.SelectMany(f => f.Validation).ToList();
        Assert.Equal(Cases, validation.Distinct().Count());
        Assert.All(folds, f => Assert.Empty(f.Train.Intersect(f.Validation)));

        var again = await Split("default").GenerateAsync(new SplitSpec(Seed: 7));
        Assert.Equal(2, again.Version);
        Assert.Equal(folds.Select(f => f.Validation.Order()), (await FoldsAsync(Split("default"), 5)).Select(f => f.Validation.Order()));
        await Split("other-seed").GenerateAsync(new SplitSpec(Seed: 8));
        Assert.NotEqual(folds.Select(f => string.Join(",", f.Validation.Order())), (await FoldsAsync(Split("other-seed"), 5)).Select(f => string.Join(",", f.Validation.Order())));
        var project = await _fixture.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(_lab, "kidney")).GetAsync();
        Assert.Equal(["default", "other-seed"], project!.Splits);
    }

    [Fact]
    public async Task A_preview_is_not_saved()
    {
        await RegisterCasesAsync();

        var preview = await Split("draft").PreviewAsync(new SplitSpec(SplitStrategyKind.Percentage, TrainPercent: 70, ValidationPercent: 20, TestPercent: 10));

        Assert.Equal((7, 2, 1), (preview.Folds.Single().Train, preview.Folds.Single().Validation, preview.Test));
        Assert.Null(await Split("draft").GetAsync());
    }

    [Fact]
    public async Task The_nnunet_splits_file_round_trips_into_an_identical_split()
    {
        await RegisterCasesAsync();
        await Split("default").GenerateAsync(new SplitSpec(FoldCount: 3, Seed: 1));

        var exported = await Split("default").ExportAsync(SplitFileFormat.NnUnet);
        var imported = await Split("copy").ImportAsync(SplitFileFormat.NnUnet, exported);

        using var json = JsonDocument.Parse(exported);
        Assert.Equal(3, json.RootElement.GetArrayLength());
        Assert.True(json.RootElement[0].TryGetProperty("train", out _) && json.RootElement[0].TryGetProperty("val", out _));
        Assert.Equal("imported (NnUnet)", imported.Origin);
        Assert.Equal((await FoldsAsync(Split("default"), 3)).Select(f => f.Validation.Order()), (await FoldsAsync(Split("copy"), 3)).Select(f => f.Validation.Order()));
    }

    [Fact]
    public async Task An_asparagus_split_file_with_a_test_set_round_trips()
    {
        await RegisterCasesAsync();
        await Split("pct").GenerateAsync(new SplitSpec(SplitStrategyKind.Percentage, Seed: 3, TrainPercent: 60, ValidationPercent: 20, TestPercent: 20));

        var exported = await Split("pct").ExportAsync(SplitFileFormat.Asparagus);
        var imported = await Split("pct-copy").ImportAsync(SplitFileFormat.Asparagus, exported);

        Assert.Equal(2, imported.Test);
        Assert.Equal((await Split("pct").GetTestCasesAsync()).Order(), (await Split("pct-copy").GetTestCasesAsync()).Order());
    }

    [Fact]
    public async Task A_split_file_naming_unknown_cases_is_refused_with_their_names()
    {
        await RegisterCasesAsync();

        var error = await Assert.ThrowsAsync<PlatformValidationException>(() =>
            Split("bad").ImportAsync(SplitFileFormat.NnUnet, """[{"train": ["00001", "ghost"], "val": ["00002"]}]"""));

        Assert.Contains("ghost", error.Message);
        Assert.Null(await Split("bad").GetAsync());
    }

    [Fact]
    public async Task Subject_grouping_keeps_the_cases_of_a_subject_in_one_fold()
    {
        await RegisterCasesAsync();

        // Cases 00001..00010: the pattern takes the first four digits as the subject, so 00001-00009 are one subject.
        var split = await Split("grouped").GenerateAsync(new SplitSpec(FoldCount: 2, GroupBySubject: true, SubjectPattern: "^([0-9]{4})"));
        var folds = await FoldsAsync(Split("grouped"), 2);

        Assert.Equal(Cases, split.Cases);
        var subjectOf = (string id) => id[..4];
        Assert.All(folds, f => Assert.Empty(f.Validation.Select(subjectOf).Intersect(f.Train.Select(subjectOf))));
    }
}
