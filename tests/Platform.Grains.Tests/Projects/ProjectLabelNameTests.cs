using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Tests.Hosting;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Projects;

/// <summary>
/// Label names through the project grain on a real silo and PostgreSQL: dataset.json's names stored at scan, the
/// project's own names over them, "label N" for the rest, and no door open to another lab.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class ProjectLabelNameTests
{
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];

    public ProjectLabelNameTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private IProjectGrain Project => _fixture.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(_lab, ScannedProjects.Project));

    private string WriteFolder(bool nnUnet)
    {
        var folder = $"ds-{Guid.NewGuid():N}";
        var builder = new DatasetBuilder(_fixture.Data.LabRoot(_lab));
        if (nnUnet)
            builder.WriteNnUnet(folder, goodCases: 2);
        else
            builder.WriteFran(folder, goodCases: 2);
        return folder;
    }

    [Fact]
    public async Task Names_come_from_dataset_json_at_scan_and_the_projects_own_names_take_precedence()
    {
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, WriteFolder(nnUnet: true));

        var scanned = await Project.GetLabelNamesAsync();
        Assert.Equal(("liver", "kidney", "label 3"), (scanned.NameOf(1), scanned.NameOf(2), scanned.NameOf(3)));
        Assert.Empty(scanned.ProjectNames);

        var set = await Project.SetLabelNamesAsync(new Dictionary<int, string> { [2] = "  right kidney ", [3] = "cyst" });

        Assert.Equal(("liver", "right kidney", "cyst"), (set.NameOf(1), set.NameOf(2), set.NameOf(3)));
        Assert.Equal(set.Names, (await Project.GetLabelNamesAsync()).Names);

        // Taking the project's name away falls back to dataset.json's.
        var cleared = await Project.SetLabelNamesAsync(new Dictionary<int, string>());
        Assert.Equal(("kidney", "label 3"), (cleared.NameOf(2), cleared.NameOf(3)));
    }

    [Fact]
    public async Task A_fran_folder_names_nothing_until_a_lab_member_names_the_labels()
    {
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, WriteFolder(nnUnet: false));

        Assert.Empty((await Project.GetLabelNamesAsync()).Names);
        Assert.Equal("label 1", (await Project.GetLabelNamesAsync()).NameOf(1));

        var named = await Project.SetLabelNamesAsync(new Dictionary<int, string> { [1] = "kidney", [2] = "tumour" });
        Assert.Equal(("kidney (1)", "tumour (2)"), (named.Describe(1), named.Describe(2)));
    }

    [Theory]
    [InlineData(256, "kidney")]
    [InlineData(-1, "kidney")]
    [InlineData(1, "   ")]
    [InlineData(1, "a name far too long for a label because it goes on and on beyond sixty-four characters")]
    public async Task A_bad_label_or_name_is_refused_with_the_field_and_reason(int label, string name)
    {
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, WriteFolder(nnUnet: false));

        var refused = await Assert.ThrowsAsync<PlatformValidationException>(() => Project.SetLabelNamesAsync(new Dictionary<int, string> { [label] = name }));

        Assert.Equal("labelNames", refused.Field);
        Assert.Contains($"{label}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_of_another_lab_can_neither_read_nor_set_the_names()
    {
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, WriteFolder(nnUnet: true));
        await Project.SetLabelNamesAsync(new Dictionary<int, string> { [1] = "secret organ" });
        var otherLab = $"lab-{Guid.NewGuid():N}"[..20];
        var outsider = $"outsider-{Guid.NewGuid():N}"[..16];
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(otherLab)).CreateAsync("Other lab", outsider);

        TestIdentity.ActAs(outsider);
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => Project.GetLabelNamesAsync());
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => Project.SetLabelNamesAsync(new Dictionary<int, string> { [1] = "renamed" }));

        TestIdentity.ActAs(TestIdentity.Admin);
        Assert.Equal("secret organ", (await Project.GetLabelNamesAsync()).NameOf(1));
    }
}
