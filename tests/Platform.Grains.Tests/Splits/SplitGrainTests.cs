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

    /// <summary>A project with one datasource of <see cref="Cases"/> good cases (FRAN's layout, or nnU-Net's), scanned.</summary>
    private async Task RegisterCasesAsync(bool nnUnetLayout = false)
    {
        var folder = $"ds-{Guid.NewGuid():N}";
        var builder = new DatasetBuilder(_fixture.Data.LabRoot(_lab));
        if (nnUnetLayout)
            builder.WriteNnUnet(folder, goodCases: Cases);
        else
            builder.WriteFran(folder, goodCases: Cases);
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

    /// <summary>
    /// nnU-Net names a case by its image file without channel suffix and ending: FRAN's images/kits_00001.nii.gz is case
    /// 00001 here and kits_00001 there; in nnU-Net's layout imagesTr/00001_0000.nii.gz is 00001 in both.
    /// </summary>
    [Theory]
    [InlineData(false, "kits_")]
    [InlineData(true, "")]
    public async Task The_nnunet_splits_file_names_cases_by_nnunets_identifiers_and_one_nnunet_wrote_imports(bool nnUnetLayout, string prefix)
    {
        await RegisterCasesAsync(nnUnetLayout);
        await Split("default").GenerateAsync(new SplitSpec(FoldCount: 2, Seed: 4));
        var folds = await FoldsAsync(Split("default"), 2);

        var exported = await Split("default").ExportAsync(SplitFileFormat.NnUnet);

        using (var json = JsonDocument.Parse(exported))
        {
            var listed = json.RootElement.EnumerateArray().SelectMany(f => f.GetProperty("val").EnumerateArray()).Select(e => e.GetString()!);
            Assert.Equal(Enumerable.Range(0, Cases).Select(i => prefix + DatasetBuilder.GoodId(i)), listed.Order(StringComparer.Ordinal));
            Assert.Equal(folds[0].Validation.Select(id => prefix + id).Order(), json.RootElement[0].GetProperty("val").EnumerateArray().Select(e => e.GetString()).Order());
        }

        // As nnU-Net writes it: its own identifiers, in no particular order.
        var byNnUnet = JsonSerializer.Serialize(folds.Select(f => new
        {
            train = f.Train.Select(id => prefix + id).Reverse().ToList(),
            val = f.Validation.Select(id => prefix + id).ToList(),
        }));
        var imported = await Split("from-nnunet").ImportAsync(SplitFileFormat.NnUnet, byNnUnet);
        var roundTrip = await Split("round-trip").ImportAsync(SplitFileFormat.NnUnet, exported);

        Assert.Equal((Cases, 2), (imported.Cases, imported.Folds.Count));
        Assert.Equal(folds.Select(f => f.Validation.Order()), (await FoldsAsync(Split("from-nnunet"), 2)).Select(f => f.Validation.Order()));
        Assert.Equal(folds.Select(f => f.Train.Order()), (await FoldsAsync(Split("round-trip"), 2)).Select(f => f.Train.Order()));
    }

    [Fact]
    public async Task An_nnunet_splits_file_naming_an_identifier_no_case_has_is_refused_naming_it()
    {
        await RegisterCasesAsync();

        var error = await Assert.ThrowsAsync<PlatformValidationException>(() =>
            Split("bad").ImportAsync(SplitFileFormat.NnUnet, """[{"train": ["kits_00001", "kits_99999"], "val": ["kits_00002", "lits_00003"]}]"""));

        Assert.Contains("unknown case 'kits_99999' in fold 0 train", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown case 'lits_00003' in fold 0 val", error.Message, StringComparison.Ordinal);
        Assert.Null(await Split("bad").GetAsync());
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
