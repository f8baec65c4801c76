namespace Platform.Grains.Projects;

/// <summary>Platform:Lists settings.</summary>
public sealed class ProjectItemOptions
{
    public const string Section = "Platform:Lists";

    /// <summary>
    /// How often a run (or cross-validation, or sweep) writes its epoch progress to the project's list; state changes
    /// are written at once. Lists that poll every few seconds gain nothing from writing every epoch.
    /// </summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(10);
}
