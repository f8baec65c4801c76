using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Tests.Hosting;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Datasources;

/// <summary>The viewer asks a datasource for the files of one case; the answer names real files under the data root.</summary>
[Collection(SiloCollection.Name)]
public sealed class CaseFilesTests
{
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];
    private readonly string _folder = $"ds-{Guid.NewGuid():N}";

    public CaseFilesTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private IDatasourceGrain Datasource => _fixture.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(_lab, ScannedProjects.Project, ScannedProjects.Datasource));

    [Fact]
    public async Task A_scanned_case_names_its_channel_images_in_order_and_its_label_relative_to_the_data_root()
    {
        new DatasetBuilder(_fixture.Data.LabRoot(_lab)).WriteNnUnet(_folder, goodCases: 2);
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, _folder);

        var files = await Datasource.GetCaseFilesAsync("00002");

        Assert.Equal(("00002", ScannedProjects.Datasource), (files.CaseId, files.Datasource));
        Assert.Equal([$"{_folder}/imagesTr/00002_0000.nii.gz", $"{_folder}/imagesTr/00002_0001.nii.gz"], files.Images);
        Assert.Equal($"{_folder}/labelsTr/00002.nii.gz", files.Label);
        Assert.All(files.Images.Append(files.Label), f => Assert.True(File.Exists(Path.Combine(_fixture.Data.LabRoot(_lab), f)), f));
    }

    [Fact]
    public async Task Unknown_and_unpaired_cases_are_not_found_and_a_path_for_a_case_id_is_refused()
    {
        new DatasetBuilder(_fixture.Data.LabRoot(_lab)).WriteFran(_folder, goodCases: 1, Defects.UnpairedImage);
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, _folder);

        Assert.Equal([$"{_folder}/images/kits_00001.nii.gz"], (await Datasource.GetCaseFilesAsync("00001")).Images);
        Assert.Contains("no case 'nope'", (await Assert.ThrowsAsync<PlatformNotFoundException>(() => Datasource.GetCaseFilesAsync("nope"))).Message);
        Assert.Contains("no image and label pair", (await Assert.ThrowsAsync<PlatformNotFoundException>(() => Datasource.GetCaseFilesAsync(DefectCase.UnpairedImage))).Message);
        await Assert.ThrowsAsync<PlatformValidationException>(() => Datasource.GetCaseFilesAsync("../00001"));
        await Assert.ThrowsAsync<PlatformValidationException>(() => Datasource.GetCaseFilesAsync("images/kits_00001.nii.gz"));
    }

    [Fact]
    public async Task A_member_of_another_lab_cannot_read_which_files_a_case_has()
    {
        new DatasetBuilder(_fixture.Data.LabRoot(_lab)).WriteFran(_folder, goodCases: 1);
        await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, _folder);
        var otherLab = $"lab-{Guid.NewGuid():N}"[..20];
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(otherLab)).CreateAsync("Other", TestIdentity.Admin);
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(otherLab)).SetMemberAsync("outsider", LabRole.PrincipalInvestigator);

        TestIdentity.ActAs("outsider");

        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => Datasource.GetCaseFilesAsync("00001"));
    }
}
