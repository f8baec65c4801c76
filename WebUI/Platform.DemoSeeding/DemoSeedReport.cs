namespace Platform.DemoSeeding;

/// <summary>
/// What one seeding pass did: each flag says that step created something now (a second pass over a complete
/// demo reports nothing created). <see cref="Skipped"/> says why a pass stopped early, when it did.
/// </summary>
public sealed record DemoSeedReport(
    bool WroteFiles,
    bool CreatedLab,
    bool CreatedProject,
    bool RegisteredDatasource,
    bool SavedPlan,
    bool GeneratedSplit,
    string? Skipped = null)
{
    public bool CreatedAnything => WroteFiles || CreatedLab || CreatedProject || RegisteredDatasource || SavedPlan || GeneratedSplit;

    public static DemoSeedReport Stopped(DemoSeedReport soFar, string why) => soFar with { Skipped = why };
}
