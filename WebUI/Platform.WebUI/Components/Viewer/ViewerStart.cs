namespace Platform.WebUI.Components.Viewer;

/// <summary>What viewer.js's <c>create</c> answers once the volumes are loaded (or why they are not).</summary>
/// <param name="Ok">The image is shown.</param>
/// <param name="WebGl2">False when the browser has no WebGL2, so nothing can be shown.</param>
/// <param name="Error">Why the image is not shown.</param>
/// <param name="LabelError">Why the reference label is not shown (the image still is).</param>
/// <param name="PredictionError">Why the prediction is not shown (the image still is).</param>
/// <param name="AutoWidth">The image's automatic window width: its 0.5th to 99.5th intensity percentiles.</param>
/// <param name="AutoCenter">The image's automatic window centre.</param>
/// <param name="Minimum">The image's lowest intensity: the centre slider's lower end.</param>
/// <param name="Maximum">The image's highest intensity: the centre slider's upper end.</param>
public sealed record ViewerStart(
    bool Ok,
    bool WebGl2,
    string? Error,
    string? LabelError,
    string? PredictionError,
    double AutoWidth,
    double AutoCenter,
    double Minimum,
    double Maximum);
