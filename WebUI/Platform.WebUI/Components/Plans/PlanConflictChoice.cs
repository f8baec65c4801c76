namespace Platform.WebUI.Components.Plans;

/// <summary>How someone resolves a save refused because another version was saved first.</summary>
public enum PlanConflictChoice
{
    /// <summary>Save my form as the next version on top of theirs.</summary>
    KeepMine,

    /// <summary>Load their version into the form, dropping my edits.</summary>
    TakeTheirs,
}
