using Platform.Plans;

namespace Platform.WebUI.Components.Plans;

/// <summary>How someone resolves a save refused because another version was saved first.</summary>
/// <param name="Settings">The merged plan to save on top of theirs; null to load their version into the form instead.</param>
public sealed record PlanConflictResolution(PlanSettings? Settings)
{
    /// <summary>Load their version into the form, dropping my edits.</summary>
    public static PlanConflictResolution TakeTheirs { get; } = new((PlanSettings?)null);

    /// <summary>Save the merge of their version and my edits as the next version.</summary>
    public static PlanConflictResolution Merged(PlanSettings settings) => new(settings);
}
