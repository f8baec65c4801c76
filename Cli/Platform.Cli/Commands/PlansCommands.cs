using System.CommandLine;
using Platform.Cli.Connection;
using Platform.Cli.Output;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;

namespace Platform.Cli.Commands;

/// <summary><c>platform plans export|import|auto-configure</c>.</summary>
public static class PlansCommands
{
    public static Command Create(CliConsole console)
    {
        var plans = new Command("plans", "Export, import and auto-configure training plans (JSON or FRAN .xlsx sheets).");
        plans.Add(ExportCommand(console));
        plans.Add(ImportCommand(console));
        plans.Add(AutoConfigureCommand(console));
        return plans;
    }

    private static Option<string?> Format() => new("--format", "-f")
    {
        Description = "json (one plan) or fran (an .xlsx sheet of every plan of the project). Default: from the file's extension, else json.",
    };

    private static Command ExportCommand(CliConsole console)
    {
        var project = CommonOptions.Project();
        var plan = new Argument<string?>("plan") { Description = "Plan name (json format; fran exports every plan).", Arity = ArgumentArity.ZeroOrOne };
        var format = Format();
        var file = CommonOptions.OutputFile();
        var command = new Command("export", "Write a plan's latest version as JSON, or the project's plans as a FRAN sheet.") { project, plan, format, file };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            await ProjectLookup.RequireAsync(session, title);
            var path = parse.GetValue(file) is { } f ? Path.GetFullPath(f, console.WorkingDirectory) : null;
            if (IsFran(parse.GetValue(format), path))
            {
                if (path is null)
                    throw CliException.Usage("A FRAN sheet is a binary .xlsx file: give --output FILE.xlsx.");
                var workbook = await session.Grains.GetGrain<IPlanSheetGrain>(GrainKeys.Project(session.Lab, title)).ExportFranAsync();
                await File.WriteAllBytesAsync(path, workbook, token);
                output.Result(new { file = path, format = "fran", bytes = workbook.Length }, w => w.WriteLine($"Wrote the project's plans to {path}."));
                return ExitCodes.Ok;
            }

            var name = parse.GetValue(plan) ?? throw CliException.Usage("Name the plan to export.");
            var json = await session.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(session.Lab, title, name)).ExportJsonAsync();
            if (path is null)
            {
                // The plan document itself is the output, with or without --json.
                output.Out.WriteLine(json);
                return ExitCodes.Ok;
            }

            await File.WriteAllTextAsync(path, json, token);
            output.Result(new { file = path, format = "json", plan = name }, w => w.WriteLine($"Wrote plan '{name}' to {path}."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ImportCommand(CliConsole console)
    {
        var project = CommonOptions.Project();
        var file = new Argument<string>("file") { Description = "A plan JSON document (plans export) or a FRAN .xlsx sheet." };
        var plan = new Option<string?>("--plan") { Description = "Plan to save the JSON document as (required for json)." };
        var format = Format();
        var basedOn = new Option<int?>("--based-on") { Description = "Version the edit was based on (default: the latest; a newer save since then is a conflict, exit 5)." };
        var comment = new Option<string?>("--comment", "-m") { Description = "Why this version." };
        var command = new Command("import", "Save a JSON plan or every row of a FRAN sheet as new plan versions.") { project, file, plan, format, basedOn, comment };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            await ProjectLookup.RequireAsync(session, title);
            var path = Path.GetFullPath(parse.GetValue(file)!, console.WorkingDirectory);
            if (!File.Exists(path))
                throw CliException.Usage($"File {path} does not exist.");
            if (IsFran(parse.GetValue(format), path))
            {
                var rows = await session.Grains.GetGrain<IPlanSheetGrain>(GrainKeys.Project(session.Lab, title)).ImportFranAsync(await File.ReadAllBytesAsync(path, token));
                output.Result(rows, w =>
                {
                    foreach (var row in rows)
                        w.WriteLine(row.Errors.Count == 0 ? $"{row.Plan}: {row.Outcome} as version {row.Version}" : $"{row.Plan}: {string.Join("; ", row.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
                });
                return rows.Any(r => r.Outcome == PlanRevisionOutcome.Conflict) ? ExitCodes.Conflict
                    : rows.Any(r => r.Outcome != PlanRevisionOutcome.Saved) ? ExitCodes.Usage : ExitCodes.Ok;
            }

            var name = parse.GetValue(plan) ?? throw CliException.Usage("Name the plan to save the document as with --plan.");
            var grain = session.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(session.Lab, title, name));
            var based = parse.GetValue(basedOn) ?? (await grain.GetAsync())?.Version ?? 0;
            var result = await grain.ImportJsonAsync(await File.ReadAllTextAsync(path, token), based, parse.GetValue(comment));
            return Report(output, name, result);
        }));
        return command;
    }

    private static Command AutoConfigureCommand(CliConsole console)
    {
        var project = CommonOptions.Project();
        var plan = new Argument<string>("plan") { Description = "Name to save the suggested plan as." };
        var datasources = new Option<string[]>("--datasource") { Description = "Datasources to plan for (repeatable; default: all of the project's).", AllowMultipleArgumentsPerToken = false };
        var dimensions = new Option<int>("--dimensions") { Description = "2 or 3.", DefaultValueFactory = _ => 3 };
        var gpuMemory = new Option<double>("--gpu-memory") { Description = "GPU memory budget in GB for patch and batch size.", DefaultValueFactory = _ => 8 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the suggestion without saving it." };
        var command = new Command("auto-configure", "Fill a plan from the project's fingerprint by nnU-Net's rules and save it as a new version.") { project, plan, datasources, dimensions, gpuMemory, dryRun };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, _) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            await ProjectLookup.RequireAsync(session, title);
            var chosen = parse.GetValue(datasources) is { Length: > 0 } d ? d : null;
            var suggestion = await session.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(session.Lab, title))
                .SuggestPlanAsync(new PlanSuggestionRequest(chosen, parse.GetValue(dimensions), parse.GetValue(gpuMemory)));
            if (parse.GetValue(dryRun))
            {
                output.Result(suggestion, w => WriteSuggestion(w, suggestion));
                return ExitCodes.Ok;
            }

            var name = parse.GetValue(plan)!;
            var grain = session.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(session.Lab, title, name));
            var latest = (await grain.GetAsync())?.Version ?? 0;
            var saved = await grain.ReviseAsync(suggestion.Settings, latest, "auto-configured (platform plans auto-configure)");
            if (!output.Json)
                WriteSuggestion(output.Out, suggestion);
            return Report(output, name, saved);
        }));
        return command;
    }

    private static bool IsFran(string? format, string? path) => format?.ToLowerInvariant() switch
    {
        "fran" or "xlsx" => true,
        "json" => false,
        null => path?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true,
        var other => throw CliException.Usage($"Unknown format '{other}': use json or fran."),
    };

    private static int Report(CommandOutput output, string plan, PlanRevisionResult result)
    {
        output.Result(result, w =>
        {
            switch (result.Outcome)
            {
                case PlanRevisionOutcome.Saved:
                    w.WriteLine($"Saved plan '{plan}' version {result.Current!.Version}.");
                    break;
                case PlanRevisionOutcome.Conflict:
                    w.WriteLine($"Plan '{plan}' changed meanwhile (now version {result.Current?.Version}); export it again, re-apply your edit and import with --based-on {result.Current?.Version}.");
                    break;
                default:
                    w.WriteLine($"Plan '{plan}' was not saved:");
                    foreach (var e in result.Errors)
                        w.WriteLine($"  {e.Field}: {e.Message}");
                    break;
            }
        });
        return result.Outcome switch
        {
            PlanRevisionOutcome.Saved => ExitCodes.Ok,
            PlanRevisionOutcome.Conflict => ExitCodes.Conflict,
            _ => ExitCodes.Usage,
        };
    }

    private static void WriteSuggestion(TextWriter w, PlanSuggestion suggestion)
    {
        var n = suggestion.Settings.Network;
        w.WriteLine($"Suggested: {n.Dimensions}D, patch {string.Join('x', n.PatchSize)}, batch {n.BatchSize}, {n.Stages.Count} stages, spacing {string.Join('x', suggestion.Settings.Preprocessing.Spacing)} mm, ~{suggestion.EstimatedMemoryBytes / 1e9:F1} GB");
        foreach (var note in suggestion.Notes)
            w.WriteLine($"  - {note}");
    }
}
