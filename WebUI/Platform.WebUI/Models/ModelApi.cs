using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Models;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;
using Platform.Plans;
using Platform.WebUI.Services;
using Platform.WebUI.Viewer;

namespace Platform.WebUI.Models;

/// <summary>
/// Downloads of the model page: a model's package as a zip, and a prediction job's label map of a case (also what the
/// viewer loads). Every byte comes through a grain asked as the signed-in user, so the silos' lab check decides; the
/// web tier never sees the work root, and nothing in a request names a file.
/// </summary>
public static class ModelApi
{
    public static WebApplication MapModelApi(this WebApplication app)
    {
        var project = app.MapGroup("/api/labs/{lab}/projects/{project}").RequireAuthorization();
        project.MapGet("/models/{kind}/{name}/package", ServePackageAsync);
        project.MapGet("/predictions/{predictionId}/cases/{caseId}", ServePredictionAsync);
        return app;
    }

    /// <summary>"run" or "cv" and a name, as the model page's links write them; null when they name no model.</summary>
    public static ModelRef? ModelOf(string kind, string name) => kind switch
    {
        "run" when RunIds.IsValid(name) => new ModelRef(ModelKind.Run, name),
        "cv" when PlanNames.IsValid(name) => new ModelRef(ModelKind.CrossValidation, name),
        _ => null,
    };

    public static string PackageUrl(string lab, string project, ModelRef model) =>
        $"/api/labs/{lab}/projects/{project}/models/{(model.Kind == ModelKind.Run ? "run" : "cv")}/{Uri.EscapeDataString(model.Name)}/package";

    public static string PredictionUrl(string lab, string project, string predictionId, string caseId, bool download = false) =>
        $"/api/labs/{lab}/projects/{project}/predictions/{predictionId}/cases/{Uri.EscapeDataString(caseId)}" + (download ? "?download=true" : "");

    private static async Task<IResult> ServePackageAsync(string lab, string project, string kind, string name, HttpContext http, ModelsClient models)
    {
        var model = ModelOf(kind, name);
        if ((Invalid(lab, project) ?? (model is null ? $"'{kind}/{name}' names no model." : null)) is { } problem)
            return ViewerApi.Problem(StatusCodes.Status400BadRequest, problem);
        ModelPackageChunk first;
        try
        {
            first = await models.ReadPackageAsync(lab, project, model!, 0);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            return ViewerApi.Refusal(e, "download this model");
        }

        // The first piece decided access and the length; the rest stream as they are read (a package can be large).
        http.Response.ContentLength = first.TotalBytes;
        return Results.Stream(async body =>
        {
            await body.WriteAsync(first.Content, http.RequestAborted);
            for (var offset = (long)first.Content.Length; offset < first.TotalBytes;)
            {
                var chunk = await models.ReadPackageAsync(lab, project, model!, offset);
                if (chunk.Content.Length == 0)
                    throw new IOException($"The package of the {model} changed while it was downloaded: download it again.");
                await body.WriteAsync(chunk.Content, http.RequestAborted);
                offset += chunk.Content.Length;
            }
        }, "application/zip", first.FileName);
    }

    private static async Task<IResult> ServePredictionAsync(string lab, string project, string predictionId, string caseId, bool? download, ModelsClient models)
    {
        if ((Invalid(lab, project)
             ?? (PredictionIds.IsValid(predictionId) ? null : $"'{predictionId}' is not a prediction id.")
             ?? (CaseIds.IsValid(caseId) ? null : $"'{caseId}' is not a case id.")) is { } problem)
            return ViewerApi.Problem(StatusCodes.Status400BadRequest, problem);
        try
        {
            var prediction = await models.GetCasePredictionAsync(lab, project, predictionId, caseId);
            return prediction is null
                ? ViewerApi.Problem(StatusCodes.Status404NotFound, $"Prediction '{predictionId}' has no label map of case '{caseId}' (yet).")
                : Results.File(prediction.Content, VolumeFormats.ContentTypeOf(prediction.FileName), download == true ? $"{caseId}-{predictionId}.nii.gz" : null);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            return ViewerApi.Refusal(e, "show this prediction");
        }
    }

    private static string? Invalid(string lab, string project) =>
        !LabIds.IsValid(lab) ? $"'{lab}' is not a lab id."
        : !ProjectTitles.IsValid(project) ? $"'{project}' is not a project title."
        : null;
}
