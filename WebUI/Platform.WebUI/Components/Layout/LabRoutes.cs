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

    /// <summary>The image viewer on one case, with a run's prediction and Dice when <paramref name="runId"/> is given.</summary>
    public static string Viewer(string lab, string project, string caseId, string? runId = null) =>
        $"labs/{lab}/projects/{project}/viewer?case={Uri.EscapeDataString(caseId)}" + (runId is null ? "" : $"&run={Uri.EscapeDataString(runId)}");
}
