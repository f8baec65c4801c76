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

    public static string Plans(string lab, string project) => $"labs/{lab}/projects/{project}/plans";

    public static string Plan(string lab, string project, string plan) => $"labs/{lab}/projects/{project}/plans/{plan}";

    /// <summary>The editor of a plan not saved yet, auto-configured from the fingerprint as it opens.</summary>
    public static string NewPlan(string lab, string project, string plan) => $"{Plan(lab, project, plan)}?new=true";

    /// <summary>A plan's history; with both versions, the diff between them (a link that can be shared).</summary>
    public static string PlanVersions(string lab, string project, string plan, int? from = null, int? to = null) =>
        from is { } f && to is { } t ? $"{Plan(lab, project, plan)}/versions?from={f}&to={t}" : $"{Plan(lab, project, plan)}/versions";
}
