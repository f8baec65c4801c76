using System.CommandLine;
using Platform.Cli.Connection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.Plans.Tasks;

namespace Platform.Cli.Commands;

/// <summary><c>platform projects create|list|show|fingerprint</c>.</summary>
public static class ProjectsCommands
{
    public static Command Create(CliConsole console)
    {
        var projects = new Command("projects", "Create and list the lab's projects.");
        projects.Add(CreateCommand(console));
        projects.Add(ListCommand(console));
        projects.Add(ShowCommand(console));
        projects.Add(FingerprintCommand(console));
        return projects;
    }

    private static Command CreateCommand(CliConsole console)
    {
        var title = new Argument<string>("title") { Description = "Lower-case letters, digits and underscores (or a task name such as SEG005_Kidney)." };
        var description = new Option<string>("--description", "-d") { Description = "What the project is about.", DefaultValueFactory = _ => "" };
        var kind = new Option<TaskKind>("--kind", "-k")
        {
            Description = "What the project learns: Segmentation, Classification, Regression or Pretraining (a task-name title's prefix must match).",
            DefaultValueFactory = _ => TaskKind.Segmentation,
        };
        var command = new Command("create", "Create a project (repeating it with the same description and kind is harmless).") { title, description, kind };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, _) =>
        {
            var created = await session.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(session.Lab, parse.GetValue(title)!)).CreateAsync(parse.GetValue(description)!, parse.GetValue(kind));
            output.Result(created, w => w.WriteLine($"{created.Kind} project '{created.Title}' in lab '{created.LabId}' is ready."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ListCommand(CliConsole console)
    {
        var command = new Command("list", "List the lab's projects.");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, _) =>
        {
            var list = await session.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(session.Lab)).ListProjectsAsync();
            output.Result(list, w =>
            {
                if (list.Count == 0)
                    w.WriteLine($"Lab '{session.Lab}' has no project yet; create one with 'platform projects create <title>'.");
                foreach (var p in list)
                    w.WriteLine($"{p.Title,-30} {p.Kind,-14} {(p.IsArchived ? "archived" : "active"),-9} {p.Datasources.Count} datasource(s), {p.Splits.Count} split(s)  {p.Description}");
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ShowCommand(CliConsole console)
    {
        var title = new Argument<string>("title") { Description = "The project's title." };
        var command = new Command("show", "Show a project: its datasources, plans, splits and runs.") { title };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, _) =>
        {
            var project = await ProjectLookup.RequireAsync(session, parse.GetValue(title)!);
            var lists = session.Grains.GetGrain<IProjectListGrain>(GrainKeys.ProjectList(session.Lab, project.Title));
            var plans = await lists.ListPlansAsync();
            // Counts only (a page of one row each): 'runs list' pages through the runs themselves.
            var counts = new Dictionary<ProjectItemKind, long>();
            foreach (var kind in Enum.GetValues<ProjectItemKind>())
                counts[kind] = (await lists.ListItemsAsync(new ProjectItemQuery(kind, PageSize: 1))).Total;
            output.Result(project, w =>
            {
                w.WriteLine($"{project.Title} ({project.LabId}){(project.IsArchived ? " [archived]" : "")}: {project.Description}");
                w.WriteLine($"  task:        {project.Kind}");
                w.WriteLine($"  datasources: {string.Join(", ", project.Datasources)}");
                w.WriteLine($"  plans:       {string.Join(", ", plans.Select(p => $"{p.Name} v{p.Latest.Version}"))}");
                w.WriteLine($"  splits:      {string.Join(", ", project.Splits)}");
                w.WriteLine($"  runs: {counts[ProjectItemKind.Run]}, cross-validations: {counts[ProjectItemKind.CrossValidation]}, sweeps: {counts[ProjectItemKind.Sweep]} (list runs with 'platform runs list')");
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command FingerprintCommand(CliConsole console)
    {
        var title = new Argument<string>("title") { Description = "The project's title." };
        var datasources = new Option<string[]>("--datasource") { Description = "Datasources it covers (repeatable; default: all of the project's).", AllowMultipleArgumentsPerToken = false };
        var file = CommonOptions.OutputFile();
        var command = new Command("fingerprint", "Show the project's stored dataset fingerprint, or write it (dataset_fingerprint.json) with --output.") { title, datasources, file };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var grain = session.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(session.Lab, parse.GetValue(title)!));
            var chosen = parse.GetValue(datasources) is { Length: > 0 } d ? d : null;
            if (parse.GetValue(file) is { } f)
            {
                var path = Path.GetFullPath(f, console.WorkingDirectory);
                var json = await grain.GetFingerprintJsonAsync(chosen);
                await File.WriteAllTextAsync(path, json, token);
                output.Result(new { file = path }, w => w.WriteLine($"Wrote the stored fingerprint to {path}."));
                return ExitCodes.Ok;
            }

            var fingerprint = await grain.GetFingerprintAsync(chosen);
            output.Result(fingerprint, w =>
            {
                w.WriteLine($"fingerprint {fingerprint.Id} ({fingerprint.Hash}), stored {fingerprint.CreatedAt:u}: {fingerprint.Cases} cases of {string.Join(", ", fingerprint.Datasources)}");
                w.WriteLine($"  spacing (median): {string.Join(" x ", fingerprint.Spacing.Select(a => a.Median.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)))} mm");
                foreach (var c in fingerprint.Channels)
                    w.WriteLine(System.FormattableString.Invariant($"  channel {c.Channel}: mean {c.Mean:0.##}, std {c.StandardDeviation:0.##}, p0.5 {c.Percentile00_5:0.##}, p99.5 {c.Percentile99_5:0.##}"));
                w.WriteLine($"  {fingerprint.Excluded.Count} case(s) left out");
            });
            return ExitCodes.Ok;
        }));
        return command;
    }
}
