using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Tests.Hosting;
using Platform.Plans;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Datasources;

/// <summary>
/// Channel modalities end to end: chosen for a FRAN folder at registration or later, read from an nnU-Net folder's
/// dataset.json, stored, shown in the status, and deciding each channel's normalisation in auto-configure. The
/// generated cases are CT-like (60–150 HU foreground), which the removed intensity guess read as z-score.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class ModalityTests
{
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];

    public ModalityTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private IProjectGrain Project => _fixture.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(_lab, ScannedProjects.Project));

    private IDatasourceGrain Datasource(string name) => _fixture.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(_lab, ScannedProjects.Project, name));

    private string WriteFolder(bool nnUnetLayout = false)
    {
        var folder = $"ds-{Guid.NewGuid():N}";
        var builder = new DatasetBuilder(_fixture.Data.LabRoot(_lab));
        if (nnUnetLayout)
            builder.WriteNnUnet(folder, goodCases: 3);
        else
            builder.WriteFran(folder, goodCases: 3);
        return folder;
    }

    [Fact]
    public async Task A_fran_folder_without_a_modality_gets_z_score_and_a_note_and_once_set_to_CT_gets_CT_normalisation()
    {
        var status = await ScannedProjects.RegisterAndScanAsync(_fixture.Grains, _lab, WriteFolder());

        Assert.Equal((null, ModalitySource.NotSet), (status.Modalities, status.ModalitySource));
        var unset = await Project.SuggestPlanAsync(new PlanSuggestionRequest());
        Assert.Equal([NormalizationScheme.ZScore], unset.Settings.Preprocessing.Normalization);
        Assert.Contains(unset.Notes, n => n.StartsWith("channel 0: no modality set", StringComparison.Ordinal) && n.Contains("Set the datasource's modality", StringComparison.Ordinal));

        var set = await Datasource(ScannedProjects.Datasource).SetModalitiesAsync(["CT"]);

        Assert.Equal(["CT"], set.Modalities);
        Assert.Equal(ModalitySource.Chosen, set.ModalitySource);
        var ct = await Project.SuggestPlanAsync(new PlanSuggestionRequest());
        Assert.Equal([NormalizationScheme.CT], ct.Settings.Preprocessing.Normalization);
        Assert.Contains(ct.Notes, n => n.StartsWith("channel 0: CT → CT normalisation", StringComparison.Ordinal));

        // A rescan without modalities keeps the chosen ones; the table, not the activation, holds them.
        await Datasource(ScannedProjects.Datasource).RescanAsync();
        var rescanned = await ScannedProjects.WaitForScanAsync(Datasource(ScannedProjects.Datasource));
        Assert.Equal(["CT"], rescanned.Modalities);
        Assert.Equal(ModalitySource.Chosen, rescanned.ModalitySource);
    }

    [Fact]
    public async Task A_modality_chosen_at_registration_is_stored_and_shown()
    {
        var datasource = await ScannedProjects.CreateAsync(_fixture.Grains, _lab);

        var registered = await datasource.RegisterAsync(WriteFolder(), [" MR "]);

        Assert.Equal(["MR"], registered.Modalities);
        Assert.Equal(ModalitySource.Chosen, registered.ModalitySource);
        await ScannedProjects.WaitForScanAsync(datasource);
        Assert.Equal([NormalizationScheme.ZScore], (await Project.SuggestPlanAsync(new PlanSuggestionRequest())).Settings.Preprocessing.Normalization);
        var refused = await Assert.ThrowsAsync<PlatformValidationException>(() => datasource.SetModalitiesAsync(["C T"]));
        Assert.Equal("modalities", refused.Field);
        await Assert.ThrowsAsync<PlatformValidationException>(() => datasource.SetModalitiesAsync([]));
    }

    [Fact]
    public async Task An_nnunet_folder_takes_its_modalities_from_dataset_json_which_wins_and_cannot_be_edited_here()
    {
        var datasource = await ScannedProjects.CreateAsync(_fixture.Grains, _lab);

        await datasource.RegisterAsync(WriteFolder(nnUnetLayout: true), ["MR", "MR"]);
        var status = await ScannedProjects.WaitForScanAsync(datasource);

        // dataset.json's channel_names: {"0": "CT", "1": "CT_shifted"}.
        Assert.Equal(["CT", "CT_shifted"], status.Modalities);
        Assert.Equal(ModalitySource.DatasetJson, status.ModalitySource);
        var edit = await Assert.ThrowsAsync<PlatformConflictException>(() => datasource.SetModalitiesAsync(["MR", "MR"]));
        Assert.Contains("dataset.json (CT, CT_shifted)", edit.Message, StringComparison.Ordinal);
        // nnU-Net's mapping: only the name "CT" is CT normalisation; any other name is z-score.
        Assert.Equal([NormalizationScheme.CT, NormalizationScheme.ZScore], (await Project.SuggestPlanAsync(new PlanSuggestionRequest())).Settings.Preprocessing.Normalization);
    }

    [Fact]
    public async Task Datasources_of_one_plan_that_disagree_on_a_channels_modality_are_refused_naming_both()
    {
        var kits = await ScannedProjects.CreateAsync(_fixture.Grains, _lab);
        await kits.RegisterAsync(WriteFolder(), ["CT"]);
        await Datasource("lits").RegisterAsync(WriteFolder(), ["MR"]);
        await Datasource("unset").RegisterAsync(WriteFolder());
        foreach (var name in new[] { "kits", "lits", "unset" })
            await ScannedProjects.WaitForScanAsync(Datasource(name));

        var refused = await Assert.ThrowsAsync<PlatformValidationException>(() => Project.SuggestPlanAsync(new PlanSuggestionRequest(["kits", "lits"])));

        Assert.Equal("datasources", refused.Field);
        Assert.Contains("channel 0 is CT in 'kits' but MR in 'lits'", refused.Message, StringComparison.Ordinal);
        // A datasource with no modality follows the others, and the notes say so.
        var mixed = await Project.SuggestPlanAsync(new PlanSuggestionRequest(["kits", "unset"]));
        Assert.Equal([NormalizationScheme.CT], mixed.Settings.Preprocessing.Normalization);
        Assert.Contains(mixed.Notes, n => n.Contains("datasource 'unset' has no modality set", StringComparison.Ordinal));
    }
}
