using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Models;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Engine;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Imaging.IO;
using Platform.Imaging.Metrics;
using Platform.Imaging.Volumes;
using Platform.Testing.Datasets;
using Platform.Training.Packaging;
using Xunit;

namespace Platform.Grains.Tests.Predictions;

/// <summary>
/// Prediction jobs with a real trained model on a real silo: the job goes through the scheduler to a training slot and
/// predicts with the package's one predictor, so its label maps are those of <c>platform predict --package</c>, voxel
/// for voxel, and score the run's own validation Dice; the package downloads in pieces; a waiting job can be cancelled.
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed class PredictionJobTests(TrainedModelFixture model)
{
    private ModelRef RunModel => new(ModelKind.Run, model.Run.RunId);

    private IPredictionGrain NewPrediction() =>
        model.Grains.GetGrain<IPredictionGrain>(GrainKeys.Prediction(model.Lab, model.Project, PredictionIds.New(DateTimeOffset.UtcNow)));

    private string PackageFolder => Path.Combine(model.Data.Root, model.Run.Result!.Package!);

    [Fact]
    public async Task A_job_on_registered_cases_writes_the_package_predictors_labels_and_scores_the_runs_validation_dice()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var prediction = NewPrediction();

        var started = await prediction.StartAsync(new PredictionRequest(RunModel,
            [.. model.ValidationCases.Select(c => new PredictionCaseRef(ScannedProjects.Datasource, c))]));
        var done = await WaitForEndAsync(prediction);

        Assert.Equal((PredictionState.Running, model.ValidationCases.Count), (started.State, started.Total));
        Assert.True(done.State == PredictionState.Completed, $"The job ended {done.State}: {done.Error}");
        Assert.Equal((model.ValidationCases.Count, 0), (done.Done, done.Failed));
        // The oracle: what `platform predict --package` writes for the datasource's images, with the same package.
        using var cli = new TempDataRoot();
        var inputs = Directory.CreateDirectory(Path.Combine(cli.Root, "images")).FullName;
        foreach (var caseId in model.ValidationCases)
            File.Copy((await FilesOfAsync(caseId)).Image, Path.Combine(inputs, caseId + ".nii.gz"));
        using (var predictor = PackagePredictor.Open(PackageFolder))
            predictor.PredictFolder(inputs, cli.Root);
        var scores = await model.Grains.GetGrain<ITrainingRunGrain>(GrainKeys.Run(model.Lab, model.Project, model.Run.RunId)).GetScoresAsync();
        foreach (var caseId in model.ValidationCases)
        {
            var predicted = await ReadLabelsAsync((await prediction.GetCasePredictionAsync(caseId))!.Content);
            var expected = ImageFile.ReadVolume(Path.Combine(cli.Root, caseId + ".nii.gz")).ConvertTo<byte>();
            Assert.Equal(expected.Geometry.Shape, predicted.Geometry.Shape);
            Assert.True(expected.Data.AsSpan().SequenceEqual(predicted.Data), $"Case {caseId} differs from predict --package.");

            // Same predictor as the run's final validation: the same Dice against the native reference, label by label.
            var reference = ImageFile.ReadVolume((await FilesOfAsync(caseId)).Label).ConvertTo<byte>();
            var overlap = OverlapMetrics.Compute(predicted, reference, [1, 2]);
            foreach (var score in scores.Where(s => s.CaseId == caseId))
                AssertSameDice(score.Dice, overlap.Single(o => o.Label == score.Label).Dice, $"{caseId} label {score.Label}");
        }
    }

    [Fact]
    public async Task An_uploaded_image_is_predicted_like_the_command_line_and_a_started_job_takes_no_more_uploads()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var prediction = NewPrediction();
        var caseId = model.ValidationCases[0];
        var image = await File.ReadAllBytesAsync((await FilesOfAsync(caseId)).Image);

        Assert.Equal("upload-1", await prediction.UploadAsync("upload-1.nii.gz", image));
        await Assert.ThrowsAsync<PlatformValidationException>(() => prediction.UploadAsync("../escape.nii.gz", image));
        await Assert.ThrowsAsync<PlatformValidationException>(() => prediction.UploadAsync("notes.txt", image));
        await prediction.StartAsync(new PredictionRequest(RunModel, []));
        var done = await WaitForEndAsync(prediction);
        await Assert.ThrowsAsync<PlatformConflictException>(() => prediction.UploadAsync("upload-2.nii.gz", image));

        Assert.True(done is { State: PredictionState.Completed, Done: 1 }, $"The job ended {done.State}: {done.Error} {string.Join("; ", done.Cases.Select(c => c.Error))}");
        var predicted = await ReadLabelsAsync((await prediction.GetCasePredictionAsync("upload-1"))!.Content);
        using var cli = new TempDataRoot();
        File.Copy((await FilesOfAsync(caseId)).Image, Path.Combine(cli.Root, "upload-1.nii.gz"));
        using (var predictor = PackagePredictor.Open(PackageFolder))
            predictor.PredictFolder(cli.Root, Path.Combine(cli.Root, "out"));
        Assert.Equal(ImageFile.ReadVolume(Path.Combine(cli.Root, "out", "upload-1.nii.gz")).ConvertTo<byte>().Data, predicted.Data);
    }

    [Fact]
    public async Task The_model_page_reads_the_manifest_and_the_package_downloads_in_pieces_as_a_verified_zip()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var grain = model.Grains.GetGrain<IModelGrain>(GrainKeys.Model(model.Lab, model.Project, RunModel));

        var description = (await grain.DescribeAsync())!;
        Assert.Equal((EngineStudy.Plan, 1, "default"), (description.PlanName, description.PlanVersion, description.SplitName));
        Assert.Equal([0], description.Folds);
        Assert.Equal([model.Run.RunId], description.RunIds);
        Assert.Equal(3, description.Classes.Count);
        Assert.Empty(description.MirrorAxes);
        Assert.Null(await model.Grains.GetGrain<IModelGrain>(GrainKeys.Model(model.Lab, model.Project, new ModelRef(ModelKind.CrossValidation, "no-cv"))).DescribeAsync());

        using var download = new TempDataRoot();
        var zip = Path.Combine(download.Root, "model.zip");
        await using (var file = File.Create(zip))
        {
            long offset = 0, total;
            var pieces = 0;
            do
            {
                var chunk = await grain.ReadPackageAsync(offset, 64 << 10);
                (total, offset) = (chunk.TotalBytes, offset + chunk.Content.Length);
                Assert.EndsWith("-model.zip", chunk.FileName, StringComparison.Ordinal);
                await file.WriteAsync(chunk.Content);
                pieces++;
            }
            while (offset < total);
            Assert.True(pieces > 1, "A package of a few hundred KiB comes in several 64 KiB pieces.");
        }

        var imported = ModelPackage.Import(zip, Path.Combine(download.Root, "imported"));
        Assert.Equal(ModelPackage.Read(PackageFolder).Members.Select(m => m.Sha256), imported.Members.Select(m => m.Sha256));
    }

    [Fact]
    public async Task A_job_waiting_for_a_busy_slot_is_cancelled_and_predicts_nothing()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        // A training holds the silo's one slot, so the prediction waits in the queue.
        var busy = GrainKeys.Run(model.Lab, model.Project, RunIds.New(EngineStudy.Plan, 1, DateTimeOffset.UtcNow));
        await model.Grains.GetGrain<ITrainingRunGrain>(busy).CreateAsync(new RunRequest(EngineStudy.Plan, 1, 1, 3, "default"));
        await TrainingSetup.WaitForRunAsync(model.Grains, busy, r => r.State is RunState.Preparing or RunState.Running, "placed");
        var prediction = NewPrediction();
        await prediction.StartAsync(new PredictionRequest(RunModel, [new PredictionCaseRef(ScannedProjects.Datasource, model.ValidationCases[0])]));

        var cancelled = await prediction.CancelAsync();
        await TrainingSetup.WaitForRunAsync(model.Grains, busy, r => RunStateMachine.IsFinal(r.State), "finished", TimeSpan.FromMinutes(6));

        Assert.Equal((PredictionState.Cancelled, 0), (cancelled.State, cancelled.Done));
        Assert.Equal(PredictionState.Cancelled, (await prediction.GetAsync())!.State);
        Assert.Null(await prediction.GetCasePredictionAsync(model.ValidationCases[0]));
    }

    internal static async Task<PredictionSnapshot> WaitForEndAsync(IPredictionGrain prediction) =>
        (await TrainingSetup.WaitForAsync(prediction.GetAsync, p => p is { State: not PredictionState.Running }, "the prediction to end", TimeSpan.FromMinutes(3)))!;

    /// <summary>A registered case's image and label files (absolute), as its datasource names them.</summary>
    private async Task<(string Image, string Label)> FilesOfAsync(string caseId)
    {
        var files = await model.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(model.Lab, model.Project, ScannedProjects.Datasource)).GetCaseFilesAsync(caseId);
        return (Path.Combine(model.Data.Root, model.Lab, files.Images[0]), Path.Combine(model.Data.Root, model.Lab, files.Label));
    }

    /// <summary>NaN (the label in neither map) is a result too.</summary>
    private static void AssertSameDice(double expected, double actual, string what) =>
        Assert.True(double.IsNaN(expected) ? double.IsNaN(actual) : Math.Abs(expected - actual) < 1e-9, $"{what}: Dice {actual}, the run's validation {expected}.");

    internal static async Task<Volume<byte>> ReadLabelsAsync(byte[] niftiGz)
    {
        using var folder = new TempDataRoot();
        var path = Path.Combine(folder.Root, "labels.nii.gz");
        await File.WriteAllBytesAsync(path, niftiGz);
        return ImageFile.ReadVolume(path).ConvertTo<byte>();
    }
}
