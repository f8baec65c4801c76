namespace Platform.Grains.Training;

/// <summary>Where a run keeps its checkpoints, relative to the platform's data root (shared by every silo).</summary>
public static class RunWorkFolders
{
    public static string Relative(string lab, string project, string runId) => Path.Combine("training", lab, project, runId);
}
