using Platform.Grains.Abstractions.Labs;

namespace Platform.WebUI.Components.Layout;

/// <summary>Addresses of lab pages. The current lab lives in the URL (<c>/labs/{lab}/...</c>) so every page can be shared and bookmarked.</summary>
public static class LabRoutes
{
    /// <summary>The lab named by a base-relative path ("labs/kidney-lab/members" → "kidney-lab"); null outside lab pages.</summary>
    public static string? LabOf(string baseRelativePath)
    {
        var path = baseRelativePath.Split('?', '#')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["labs", var lab, ..] && LabIds.IsValid(lab) ? lab : null;
    }

    public static string Lab(string lab) => $"labs/{lab}";

    public static string Members(string lab) => $"labs/{lab}/members";

    public static string Project(string lab, string project) => $"labs/{lab}/projects/{project}";

    public static string Datasource(string lab, string project, string datasource) => $"labs/{lab}/projects/{project}/datasources/{datasource}";

    public static string Splits(string lab, string project) => $"labs/{lab}/projects/{project}/splits";

    public static string Split(string lab, string project, string split) => $"labs/{lab}/projects/{project}/splits/{split}";

    public static string Sweeps(string lab, string project) => $"labs/{lab}/projects/{project}/sweeps";

    public static string Sweep(string lab, string project, string sweep) => $"labs/{lab}/projects/{project}/sweeps/{sweep}";

    public static string Runs(string lab, string project) => $"labs/{lab}/projects/{project}/runs";

    public static string Run(string lab, string project, string runId) => $"labs/{lab}/projects/{project}/runs/{runId}";

    /// <summary>A run's evaluation (Dice tables, box plots); the results pages own it.</summary>
    public static string RunResults(string lab, string project, string runId) => $"labs/{lab}/projects/{project}/runs/{runId}/results";

    public static string CrossValidation(string lab, string project, string name) => $"labs/{lab}/projects/{project}/cross-validations/{name}";

    /// <summary>A completed run's model: what it is, its package download, predictions with it.</summary>
    public static string RunModel(string lab, string project, string runId) => $"labs/{lab}/projects/{project}/runs/{runId}/model";

    /// <summary>A completed cross-validation's ensemble: what it is, its package download, predictions with it.</summary>
    public static string CrossValidationModel(string lab, string project, string name) => $"labs/{lab}/projects/{project}/cross-validations/{name}/model";

    public static string Queue(string lab) => $"labs/{lab}/queue";

    /// <summary>A cross-validation's Dice per fold and its pooled per-case table.</summary>
    public static string CrossValidationResults(string lab, string project, string name) => $"labs/{lab}/projects/{project}/cross-validations/{name}/results";

    /// <summary>Runs side by side; the chosen runs live in the query (<c>?runs=a,b,c</c>) so a comparison can be shared.</summary>
    public static string CompareRuns(string lab, string project, IEnumerable<string> runIds)
    {
        var runs = NameList(runIds);
        return runs.Length == 0 ? $"labs/{lab}/projects/{project}/compare" : $"labs/{lab}/projects/{project}/compare?runs={runs}";
    }

    /// <summary>Cross-validations side by side on their pooled per-case scores (<c>?cvs=a,b</c>), on the same page as runs.</summary>
    public static string CompareCrossValidations(string lab, string project, IEnumerable<string> names) =>
        $"labs/{lab}/projects/{project}/compare?cvs={NameList(names)}";

    // Names in a query value: escaped, separated by commas (CompareRunsPage.ParseRuns reads them back).
    private static string NameList(IEnumerable<string> names) => string.Join(',', names.Select(Uri.EscapeDataString));

    /// <summary>The image viewer on one case, showing a run's prediction when <paramref name="runId"/> is given.</summary>
    public static string Viewer(string lab, string project, string caseId, string? runId = null) =>
        $"labs/{lab}/projects/{project}/viewer?case={Uri.EscapeDataString(caseId)}" + (runId is null ? "" : $"&run={Uri.EscapeDataString(runId)}");

    /// <summary>The image viewer on a registered case with a prediction job's label map of it.</summary>
    public static string PredictionViewer(string lab, string project, string caseId, string datasource, string predictionId) =>
        $"labs/{lab}/projects/{project}/viewer?case={Uri.EscapeDataString(caseId)}&datasource={Uri.EscapeDataString(datasource)}&prediction={Uri.EscapeDataString(predictionId)}";

    public static string Plans(string lab, string project) => $"labs/{lab}/projects/{project}/plans";

    public static string Plan(string lab, string project, string plan) => $"labs/{lab}/projects/{project}/plans/{plan}";

    /// <summary>The editor of a plan not saved yet, auto-configured from the fingerprint as it opens.</summary>
    public static string NewPlan(string lab, string project, string plan) => $"{Plan(lab, project, plan)}?new=true";

    /// <summary>A plan's history; with both versions, the diff between them (a link that can be shared).</summary>
    public static string PlanVersions(string lab, string project, string plan, int? from = null, int? to = null) =>
        from is { } f && to is { } t ? $"{Plan(lab, project, plan)}/versions?from={f}&to={t}" : $"{Plan(lab, project, plan)}/versions";

    /// <summary>A plan's history with one version opened, read only (a link that can be shared).</summary>
    public static string PlanVersion(string lab, string project, string plan, int version) => $"{Plan(lab, project, plan)}/versions?version={version}";
}
