using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Models;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Xunit;

namespace Platform.Grains.Tests.Predictions;

/// <summary>
/// A scientist of another lab, at every door of a lab's model and predictions: starting a prediction with the model,
/// downloading or reading the package, reading the predictions. Each is refused by the silo, whatever the key names.
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed class PredictionTenancyTests(TrainedModelFixture model)
{
    private ModelRef RunModel => new(ModelKind.Run, model.Run.RunId);

    [Fact]
    public async Task Another_labs_scientist_cannot_start_a_prediction_with_this_labs_model()
    {
        TestIdentity.ActAs(model.Outsider);
        var prediction = model.Grains.GetGrain<IPredictionGrain>(GrainKeys.Prediction(model.Lab, model.Project, PredictionIds.New(DateTimeOffset.UtcNow)));

        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => prediction.StartAsync(new PredictionRequest(RunModel, [new PredictionCaseRef(ScannedProjects.Datasource, model.ValidationCases[0])])));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => prediction.UploadAsync("x.nii.gz", [0x1f, 0x8b, 0]));
        // In the outsider's own lab the same names reach no model of this lab: that project and run do not exist there.
        var own = model.Grains.GetGrain<IPredictionGrain>(GrainKeys.Prediction(model.OtherLab, model.Project, PredictionIds.New(DateTimeOffset.UtcNow)));
        await Assert.ThrowsAnyAsync<PlatformException>(() => own.StartAsync(new PredictionRequest(RunModel, [])));
        TestIdentity.ActAs(TestIdentity.Admin);
        Assert.Null(await prediction.GetAsync());
    }

    [Fact]
    public async Task Another_labs_scientist_cannot_download_or_describe_this_labs_model_package()
    {
        TestIdentity.ActAs(model.Outsider);
        var grain = model.Grains.GetGrain<IModelGrain>(GrainKeys.Model(model.Lab, model.Project, RunModel));

        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => grain.ReadPackageAsync(0, 1 << 20));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(grain.DescribeAsync);
        // The same run id under the outsider's own lab names a folder of that lab, where there is no package.
        var own = model.Grains.GetGrain<IModelGrain>(GrainKeys.Model(model.OtherLab, model.Project, RunModel));
        Assert.Null(await own.DescribeAsync());
        await Assert.ThrowsAsync<PlatformNotFoundException>(() => own.ReadPackageAsync(0, 1 << 20));
    }

    [Fact]
    public async Task Another_labs_scientist_cannot_read_or_cancel_this_labs_predictions()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var id = PredictionIds.New(DateTimeOffset.UtcNow);
        var prediction = model.Grains.GetGrain<IPredictionGrain>(GrainKeys.Prediction(model.Lab, model.Project, id));
        var caseId = model.ValidationCases[0];
        await prediction.StartAsync(new PredictionRequest(RunModel, [new PredictionCaseRef(ScannedProjects.Datasource, caseId)]));
        await TrainingSetup.WaitForAsync(prediction.GetAsync, p => p is { State: not PredictionState.Running }, "the prediction to end", TimeSpan.FromMinutes(3));
        Assert.NotNull(await prediction.GetCasePredictionAsync(caseId));

        TestIdentity.ActAs(model.Outsider);
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => prediction.GetCasePredictionAsync(caseId));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(prediction.GetAsync);
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(prediction.CancelAsync);
        // Under the outsider's own lab, the same prediction id is an empty prediction of that lab.
        var own = model.Grains.GetGrain<IPredictionGrain>(GrainKeys.Prediction(model.OtherLab, model.Project, id));
        Assert.Null(await own.GetCasePredictionAsync(caseId));
    }
}
