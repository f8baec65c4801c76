using System.CommandLine;
using System.Text.RegularExpressions;
using Platform.Cli.Connection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Plans;
using Platform.Plans.Tasks;
using Platform.Preprocessing.Asparagus;
using Platform.Preprocessing.Splits;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform asparagus import FOLDER</c>: reads a task folder Asparagus' preprocessing wrote (dataset.json, paths.json,
/// split and TEST files) and says what it would create; with <c>--apply</c> creates the project with the task's kind and
/// saves each split file as a split. The samples themselves (.pt tensors) are not read: the project's cases come from a
/// datasource of the raw images whose case ids are the sample names.
/// </summary>
public static partial class AsparagusCommands
{
    public static Command Create(CliConsole console)
    {
        var asparagus = new Command("asparagus", "Exchange with Asparagus: read its preprocessing outputs (dataset.json, paths.json, split files).");
        asparagus.Add(ImportCommand(console));
        return asparagus;
    }

    private static Command ImportCommand(CliConsole console)
    {
        var folder = new Argument<string>("folder") { Description = "The task folder ($ASPARAGUS_DATA/<task>) holding dataset.json and paths.json." };
        var project = new Option<string?>("--project", "-p") { Description = "Project title (default: the task name)." };
        var apply = new Option<bool>("--apply") { Description = "Create the project and save the split files as splits; without it, only report." };
        var resplit = new Option<int?>("--resplit") { Description = "The re-split of each split file to import when its re-splits overlap (default 0, Asparagus' data.fold default)." };
        var command = new Command("import", "Report (or with --apply create) the project and splits an Asparagus task folder describes.") { folder, project, apply, resplit };
        command.SetAction((parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(folder)!, console.WorkingDirectory);
            return parse.GetValue(apply)
                ? CommandRunner.RunAsync(parse, console, ct, (session, output, _) => ApplyAsync(session, output, Read(path), parse.GetValue(project), parse.GetValue(resplit)))
                : CommandRunner.RunLocalAsync(parse, console, ct, (output, _) =>
                {
                    var task = Read(path);
                    var plan = Plan(task, parse.GetValue(project) ?? task.Dataset.Task.ToString(), parse.GetValue(resplit));
                    output.Result(plan, w => WritePlan(w, plan, applied: false));
                    return Task.FromResult(ExitCodes.Ok);
                });
        });
        return command;
    }

    private static AsparagusTaskFolder Read(string folder)
    {
        try
        {
            return AsparagusTaskFolder.Read(folder);
        }
        catch (AsparagusFormatException e)
        {
            throw CliException.Usage($"{folder} is not an Asparagus task folder Asparagus' preprocessing wrote:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", e.Problems)}");
        }
    }

    /// <summary>What the folder would become; a malformed split file is refused here, before anything is created.</summary>
    private static ImportPlan Plan(AsparagusTaskFolder task, string title, int? resplit)
    {
        var splits = new List<SplitPlan>();
        foreach (var file in task.Splits)
        {
            AsparagusSplitShape shape;
            try
            {
                shape = AsparagusSplitFile.Describe(file);
            }
            catch (SplitException e)
            {
                throw CliException.Usage($"{file.SplitFileName} is not an Asparagus split file: {string.Join("; ", e.Problems.Take(10))}");
            }
            var name = SplitName(file.SplitFileName);
            var chosen = resplit ?? (shape.DisjointFolds ? null : 0);
            splits.Add(new SplitPlan(file.SplitFileName, name, shape.Resplits, shape.TestSamples, file.TestJson is null ? null : AsparagusSplitFile.TestFileName(file.SplitFileName), chosen));
        }
        var dataset = task.Dataset;
        return new ImportPlan(task.Folder, dataset.Task.ToString(), dataset.Task.Kind, dataset.Classes, dataset.Modalities, dataset.SaveAsTensor ? ".pt" : ".nii.gz",
            task.Samples.Count, task.Samples.Take(5).Select(s => s.CaseId).ToList(), title, splits);
    }

    private static async Task<int> ApplyAsync(PlatformSession session, Output.CommandOutput output, AsparagusTaskFolder task, string? title, int? resplit)
    {
        var plan = Plan(task, title ?? task.Dataset.Task.ToString(), resplit);
        var projectGrain = session.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(session.Lab, plan.Project));
        var project = await projectGrain.GetAsync();
        if (project is null)
            project = await projectGrain.CreateAsync($"Imported from Asparagus task {plan.Task}", plan.Kind);
        else if (project.Kind != plan.Kind)
            throw CliException.Usage($"Project '{plan.Project}' is a {project.Kind} project, but Asparagus task {plan.Task} is a {plan.Kind} task: import it into a {plan.Kind} project.");

        var results = new List<SplitPlan>();
        foreach (var split in plan.Splits)
        {
            if (project.Datasources.Count == 0)
            {
                results.Add(split with { Outcome = "not imported: the project has no datasource yet; register the raw images (case ids = the sample names) and run this again" });
                continue;
            }
            var file = task.Splits.Single(s => s.SplitFileName == split.File);
            try
            {
                var saved = await session.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(session.Lab, plan.Project, split.Name))
                    .ImportAsparagusAsync(new AsparagusSplitImport(file.SplitFileName, file.SplitJson, file.TestJson, split.Resplit));
                results.Add(split with { Outcome = $"saved as split '{split.Name}' version {saved.Version}: {saved.Cases} cases, {saved.Folds.Count} fold(s), {saved.Test} test" });
            }
            catch (PlatformValidationException e)
            {
                results.Add(split with { Outcome = $"refused: {e.Message}", Failed = true });
            }
        }

        var applied = plan with { Splits = results };
        output.Result(applied, w => WritePlan(w, applied, applied: true));
        return results.Any(r => r.Failed) ? ExitCodes.Usage : ExitCodes.Ok;
    }

    private static void WritePlan(TextWriter w, ImportPlan plan, bool applied)
    {
        w.WriteLine($"Asparagus task {plan.Task} ({plan.Kind}): {plan.Classes} class(es), {plan.Modalities} modality(ies), {plan.Samples} sample(s) ({plan.SampleEnding}), e.g. {string.Join(", ", plan.FirstCases)}.");
        w.WriteLine(applied
            ? $"Project '{plan.Project}' ({plan.Kind}) is ready."
            : $"Would create the {plan.Kind} project '{plan.Project}' (kept if it exists with that kind); its cases come from a datasource of the raw images, whose case ids must be the sample names.");
        foreach (var split in plan.Splits)
        {
            var which = split.Resplit is { } r ? $"re-split {r} of {split.Resplits}" : $"all {split.Resplits} re-split(s) as folds";
            var test = split.TestFile is null ? "no TEST file" : $"{split.TestSamples} test sample(s) in {split.TestFile}";
            w.WriteLine($"  {split.File}: {which}, {test} -> split '{split.Name}'{(split.Outcome is null ? "" : $": {split.Outcome}")}");
        }
        if (plan.Splits.Count == 0)
            w.WriteLine("  no split files (run asp_split, or generate a split here).");
    }

    /// <summary>The split name a file gets: its name without .json, lower case, other characters as '_' (split_80_10_10).</summary>
    internal static string SplitName(string fileName)
    {
        var name = NotAllowed().Replace(Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant(), "_").TrimStart('_', '-');
        name = name.Length > 40 ? name[..40] : name;
        return PlanNames.IsValid(name) ? name : "asparagus";
    }

    [GeneratedRegex("[^a-z0-9_-]")]
    private static partial Regex NotAllowed();

    /// <summary>The report, as text and as JSON.</summary>
    public sealed record ImportPlan(string Folder, string Task, TaskKind Kind, int Classes, int Modalities, string SampleEnding, int Samples,
        IReadOnlyList<string> FirstCases, string Project, IReadOnlyList<SplitPlan> Splits);

    /// <summary>One split file: what it holds, the split it becomes and (applied) what happened.</summary>
    public sealed record SplitPlan(string File, string Name, int Resplits, int TestSamples, string? TestFile, int? Resplit, string? Outcome = null, bool Failed = false);
}
