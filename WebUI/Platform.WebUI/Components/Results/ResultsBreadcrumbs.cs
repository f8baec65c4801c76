using MudBlazor;
using Platform.WebUI.Components.Layout;

namespace Platform.WebUI.Components.Results;

/// <summary>
/// The trail above every results page: lab, project, "Runs" (where runs and cross-validations are listed), then the
/// run or cross-validation, then the page itself. One place, so the results pages agree.
/// </summary>
public static class ResultsBreadcrumbs
{
    public static List<BreadcrumbItem> Run(string lab, string project, string runId) =>
    [
        .. Project(lab, project),
        new(runId, LabRoutes.Run(lab, project, runId)),
        new("Results", LabRoutes.RunResults(lab, project, runId), disabled: true),
    ];

    public static List<BreadcrumbItem> CrossValidation(string lab, string project, string name) =>
    [
        .. Project(lab, project),
        new(name, LabRoutes.CrossValidation(lab, project, name)),
        new("Results", LabRoutes.CrossValidationResults(lab, project, name), disabled: true),
    ];

    /// <param name="lab">The lab id.</param>
    /// <param name="project">The project title.</param>
    /// <param name="heading">The comparison page's own heading ("Compare runs" or "Compare cross-validations").</param>
    /// <param name="crossValidations">Whether cross-validations are compared, not runs.</param>
    public static List<BreadcrumbItem> Compare(string lab, string project, string heading, bool crossValidations) =>
    [
        .. Project(lab, project),
        new(heading, crossValidations ? LabRoutes.CompareCrossValidations(lab, project, []) : LabRoutes.CompareRuns(lab, project, []), disabled: true),
    ];

    private static BreadcrumbItem[] Project(string lab, string project) =>
    [
        new(lab, LabRoutes.Lab(lab)),
        new(project, LabRoutes.Project(lab, project)),
        new("Runs", LabRoutes.Runs(lab, project)),
    ];
}
