using Platform.Plans;

namespace Platform.WebUI.Components.Plans;

/// <summary>
/// Field differences between two plans held in the browser session (the form against the saved version, the form
/// against an auto-configured suggestion), in the shape the plan grain's CompareAsync returns for two saved versions,
/// and the way values are shown.
/// </summary>
public static class PlanComparison
{
    public static IReadOnlyList<PlanFieldChange> Between(PlanSettings before, PlanSettings after) => PlanJson.Compare(before, after);

    /// <summary>A JSON value as people read it: strings without quotes, lists with spaces, nothing as a dash.</summary>
    public static string Display(string? json) => json switch
    {
        null or "null" => "—",
        ['"', .., '"'] => json[1..^1],
        _ => json.Replace(",", ", ", StringComparison.Ordinal),
    };
}
