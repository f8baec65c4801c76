using Microsoft.AspNetCore.Mvc;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Services;

namespace Platform.WebUI.Viewer;

/// <summary>
/// The volumes the browser viewer loads: a case's image channels and reference label from the lab's data folder, and a run's
/// prediction through the run grain. Every request is authenticated and asks the grains as the signed-in user (the
/// credential middleware signs the call), so the silos' lab check decides; the files themselves are named by the
/// datasource grain, never by the request.
/// </summary>
public static class ViewerApi
{
    public static WebApplication MapViewerApi(this WebApplication app)
    {
        var cases = app.MapGroup("/api/labs/{lab}/projects/{project}/cases/{caseId}").RequireAuthorization();
        cases.MapGet("/image", (string lab, string project, string caseId, [FromQuery] string? datasource, [FromQuery] int? channel,
                ViewerClient viewer, VolumeFileResolver resolver) =>
            ServeCaseFileAsync(lab, project, caseId, datasource, viewer, resolver, files => Channel(files, channel ?? 0)));
        cases.MapGet("/label", (string lab, string project, string caseId, [FromQuery] string? datasource, ViewerClient viewer, VolumeFileResolver resolver) =>
            ServeCaseFileAsync(lab, project, caseId, datasource, viewer, resolver, files => files.Label));
        cases.MapGet("/runs/{runId}/prediction", ServePredictionAsync);
        return app;
    }

    private static async Task<IResult> ServeCaseFileAsync(string lab, string project, string caseId, string? datasource,
        ViewerClient viewer, VolumeFileResolver resolver, Func<CaseFileSet, string> pick)
    {
        if ((Invalid(lab, project, caseId) ?? (DatasourceNames.IsValid(datasource) ? null : $"'{datasource}' is not a datasource name.")) is { } problem)
            return Problem(StatusCodes.Status400BadRequest, problem);
        try
        {
            var files = await viewer.GetCaseFilesAsync(lab, project, datasource!, caseId);
            // The lab of the URL, which the grain call just checked the caller belongs to: the files must be that lab's.
            var file = resolver.Resolve(lab, pick(files));
            return Results.File(file.FullPath, file.ContentType, enableRangeProcessing: true);
        }
        catch (VolumeFileException e)
        {
            return Problem(e.StatusCode, e.Message);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            return Refusal(e, "show this case");
        }
    }

    private static async Task<IResult> ServePredictionAsync(string lab, string project, string caseId, string runId, ViewerClient viewer)
    {
        if ((Invalid(lab, project, caseId) ?? (RunIds.IsValid(runId) ? null : $"'{runId}' is not a run id.")) is { } problem)
            return Problem(StatusCodes.Status400BadRequest, problem);
        try
        {
            var prediction = await viewer.GetPredictionAsync(lab, project, runId, caseId);
            return prediction is null
                ? Problem(StatusCodes.Status404NotFound, $"Run '{runId}' has not predicted case '{caseId}': it was not in the run's validation fold, or the run has not finished.")
                : Results.File(prediction.Content, VolumeFormats.ContentTypeOf(prediction.FileName));
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            return Refusal(e, "show this prediction");
        }
    }

    private static string Channel(CaseFileSet files, int channel) => channel >= 0 && channel < files.Images.Count
        ? files.Images[channel]
        : throw new VolumeFileException(StatusCodes.Status404NotFound, $"Case '{files.CaseId}' has {files.Images.Count} image channel(s); there is no channel {channel}.");

    private static string? Invalid(string lab, string project, string caseId) =>
        !LabIds.IsValid(lab) ? $"'{lab}' is not a lab id."
        : !ProjectTitles.IsValid(project) ? $"'{project}' is not a project title."
        : !CaseIds.IsValid(caseId) ? $"'{caseId}' is not a case id."
        : null;

    internal static IResult Refusal(Exception e, string action) => Problem(e switch
    {
        PlatformAccessDeniedException => StatusCodes.Status403Forbidden,
        PlatformNotFoundException => StatusCodes.Status404NotFound,
        PlatformValidationException => StatusCodes.Status400BadRequest,
        PlatformException => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status503ServiceUnavailable,
    }, GrainErrors.Describe(e, action));

    internal static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
