using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Training;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Training;

/// <summary>A run hands out the predicted label maps its evaluation wrote under the work root, and nothing else.</summary>
[Collection(SiloCollection.Name)]
public sealed class RunPredictionTests
{
    private readonly SiloFixture _fixture;
    private readonly string _lab = $"lab-{Guid.NewGuid():N}"[..20];
    private readonly string _runId = RunIds.New("base", 0, DateTimeOffset.UtcNow);

    public RunPredictionTests(SiloFixture fixture)
    {
        _fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private ITrainingRunGrain Run => _fixture.Grains.GetGrain<ITrainingRunGrain>(GrainKeys.Run(_lab, "kidney", _runId));

    private async Task CreateRunAsync()
    {
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_lab)).CreateAsync("Lab", TestIdentity.Admin);
        await _fixture.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(_lab, "kidney")).CreateAsync("Kidney");
        await _fixture.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(_lab, "kidney", "base")).ReviseAsync(SamplePlans.Small(), 0, null);
        await Run.CreateAsync(new RunRequest("base", 1, null, 42, null));
    }

    /// <summary>Where the engine's evaluation writes a validation case's prediction (FoldTraining under the run's work folder).</summary>
    private string PredictionPath(string caseId) =>
        Path.Combine(_fixture.Work.Root, "training", _lab, "kidney", _runId, "validation", caseId + ".nii.gz");

    [Fact]
    public async Task A_predicted_case_comes_back_as_the_gzipped_file_the_evaluation_wrote()
    {
        await CreateRunAsync();
        var path = PredictionPath("00003");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DatasetBuilder.WriteCase([], path, seed: 3);
        Assert.Equal(path, RunPredictions.PathOf(_fixture.Work.Root, _lab, "kidney", _runId, "00003"));

        var prediction = await Run.GetPredictionAsync("00003");

        Assert.NotNull(prediction);
        Assert.Equal(("00003", "00003.nii.gz"), (prediction.CaseId, prediction.FileName));
        Assert.Equal(await File.ReadAllBytesAsync(path), prediction.Content);
        Assert.Equal(new byte[] { 0x1f, 0x8b }, prediction.Content[..2]);
    }

    [Fact]
    public async Task A_case_outside_the_validation_fold_has_no_prediction_and_paths_are_not_case_ids()
    {
        await CreateRunAsync();

        Assert.Null(await Run.GetPredictionAsync("00001"));
        await Assert.ThrowsAsync<PlatformValidationException>(() => Run.GetPredictionAsync("../../../etc/passwd"));
        await Assert.ThrowsAsync<PlatformValidationException>(() => Run.GetPredictionAsync("a/b"));
    }

    [Fact]
    public async Task A_run_that_does_not_exist_is_not_found()
    {
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(_lab)).CreateAsync("Lab", TestIdentity.Admin);

        await Assert.ThrowsAsync<PlatformNotFoundException>(() => Run.GetPredictionAsync("00001"));
    }

    [Fact]
    public async Task A_prediction_too_large_for_the_cluster_is_refused_with_its_size()
    {
        await CreateRunAsync();
        var path = PredictionPath("00004");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A sparse file: the size is what counts, and nothing is read before the size check.
        await using (var file = File.Create(path))
            file.SetLength(CasePrediction.MaxBytes + 1);

        var refused = await Assert.ThrowsAsync<PlatformValidationException>(() => Run.GetPredictionAsync("00004"));

        Assert.Contains("48 MiB", refused.Message);
    }

    [Fact]
    public async Task A_member_of_another_lab_cannot_read_a_prediction()
    {
        await CreateRunAsync();
        var path = PredictionPath("00003");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DatasetBuilder.WriteCase([], path, seed: 3);
        var otherLab = $"lab-{Guid.NewGuid():N}"[..20];
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(otherLab)).CreateAsync("Other", TestIdentity.Admin);
        await _fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(otherLab)).SetMemberAsync("outsider", LabRole.PrincipalInvestigator);

        TestIdentity.ActAs("outsider");

        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => Run.GetPredictionAsync("00003"));
    }
}
