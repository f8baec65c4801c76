namespace Platform.WebUI.Components.Viewer;

/// <summary>
/// Where the viewer fetches a case's volumes (the WebUI's /api endpoints) and the file names NiiVue reads their format
/// from (the URLs do not end in one). No prediction URL: the case has no prediction to show.
/// </summary>
public sealed record VolumeSources(
    string ImageUrl,
    string ImageName,
    string LabelUrl,
    string LabelName,
    string? PredictionUrl = null,
    string? PredictionName = null);
