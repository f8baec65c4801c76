using Platform.Cli.Connection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Projects;

namespace Platform.Cli.Commands;

/// <summary>Finds the project a command works on, or says how to find the right title.</summary>
public static class ProjectLookup
{
    /// <summary>--project, else PLATFORM_PROJECT.</summary>
    public static string Title(string? given, CliConsole console) =>
        given ?? console.Environment("PLATFORM_PROJECT")
        ?? throw CliException.Usage("Name the project with --project (or PLATFORM_PROJECT).");

    public static async Task<ProjectSummary> RequireAsync(PlatformSession session, string title) =>
        await session.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(session.Lab, title)).GetAsync()
        ?? throw CliException.NotFound($"Project '{title}' does not exist in lab '{session.Lab}'. List the lab's projects with 'platform projects list'.");
}
