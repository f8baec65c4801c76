using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Models;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Abstractions.Training;

namespace Platform.WebUI.Services;

/// <summary>What the model page and its downloads need of models and prediction jobs, through the grain API.</summary>
public sealed class ModelsClient(IClusterClient cluster)
{
    public Task<ModelDescription?> DescribeAsync(string labId, string project, ModelRef model) => Model(labId, project, model).DescribeAsync();

    public Task<ModelPackageChunk> ReadPackageAsync(string labId, string project, ModelRef model, long offset) =>
        Model(labId, project, model).ReadPackageAsync(offset, ModelPackageChunk.MaxBytes);

    public Task<string> UploadAsync(string labId, string project, string predictionId, string fileName, byte[] content) =>
        Prediction(labId, project, predictionId).UploadAsync(fileName, content);

    public Task<PredictionSnapshot> StartAsync(string labId, string project, string predictionId, PredictionRequest request) =>
        Prediction(labId, project, predictionId).StartAsync(request);

    public Task<PredictionSnapshot?> GetPredictionAsync(string labId, string project, string predictionId) =>
        Prediction(labId, project, predictionId).GetAsync();

    public Task<PredictionSnapshot> CancelAsync(string labId, string project, string predictionId) =>
        Prediction(labId, project, predictionId).CancelAsync();

    public Task<PredictionSnapshot> RetryAsync(string labId, string project, string predictionId) =>
        Prediction(labId, project, predictionId).RetryAsync();

    public Task<CasePrediction?> GetCasePredictionAsync(string labId, string project, string predictionId, string caseId) =>
        Prediction(labId, project, predictionId).GetCasePredictionAsync(caseId);

    private IModelGrain Model(string labId, string project, ModelRef model) => cluster.GetGrain<IModelGrain>(GrainKeys.Model(labId, project, model));

    private IPredictionGrain Prediction(string labId, string project, string predictionId) =>
        cluster.GetGrain<IPredictionGrain>(GrainKeys.Prediction(labId, project, predictionId));
}
