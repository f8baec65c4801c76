namespace Platform.Grains.Training;

/// <summary>Where a run keeps its checkpoints and validation results, relative to the platform's work root (shared by every silo).</summary>
public static class RunWorkFolders
{
    public static string Relative(string lab, string project, string runId) => Path.Combine("training", lab, project, runId);
}
