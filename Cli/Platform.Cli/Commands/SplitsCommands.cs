using System.CommandLine;
using Platform.Cli.Connection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Splits;

namespace Platform.Cli.Commands;

/// <summary><c>platform splits generate|export|import</c>.</summary>
public static class SplitsCommands
{
    public static Command Create(CliConsole console)
    {
        var splits = new Command("splits", "Split the project's usable cases into folds and a test set; exchange nnU-Net and Asparagus split files.");
        splits.Add(GenerateCommand(console));
        splits.Add(ExportCommand(console));
        splits.Add(ImportCommand(console));
        return splits;
    }

    private static Argument<string> Name() => new("name") { Description = "Split name.", DefaultValueFactory = _ => "default" };

    private static Option<SplitFileFormat> Format() => new("--format", "-f")
    {
        Description = "NnUnet (splits_final.json, folds only) or Asparagus.",
        DefaultValueFactory = _ => SplitFileFormat.NnUnet,
    };

    private static Command GenerateCommand(CliConsole console)
    {
        var project = CommonOptions.Project();
        var name = Name();
        var folds = new Option<int>("--folds") { Description = "Number of folds.", DefaultValueFactory = _ => 5 };
        var seed = new Option<long>("--seed") { Description = "Seed: the same cases and seed give the same split.", DefaultValueFactory = _ => 12345 };
        var strategy = new Option<SplitStrategyKind>("--strategy") { Description = "KFold, StratifiedKFold or Percentage.", DefaultValueFactory = _ => SplitStrategyKind.KFold };
        var holdout = new Option<double>("--test-fraction") { Description = "Fraction of cases held out as the test set (0 to 1).", DefaultValueFactory = _ => 0 };
        var command = new Command("generate", "Generate and save a split (a new version when it exists).") { project, name, folds, seed, strategy, holdout };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, _) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            await ProjectLookup.RequireAsync(session, title);
            var spec = new SplitSpec(parse.GetValue(strategy), parse.GetValue(folds), parse.GetValue(seed), HoldoutFraction: parse.GetValue(holdout));
            var split = await session.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(session.Lab, title, parse.GetValue(name)!)).GenerateAsync(spec);
            output.Result(split, w => WriteSplit(w, split));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ExportCommand(CliConsole console)
    {
        var project = CommonOptions.Project();
        var name = Name();
        var format = Format();
        var file = CommonOptions.OutputFile();
        var command = new Command("export", "Write a split as a split file.") { project, name, format, file };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            var grain = session.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(session.Lab, title, parse.GetValue(name)!));
            if (await grain.GetAsync() is null)
                throw CliException.NotFound($"Project '{title}' has no split '{parse.GetValue(name)}'. Generate one with 'platform splits generate'.");
            var content = await grain.ExportAsync(parse.GetValue(format));
            if (parse.GetValue(file) is not { } f)
            {
                output.Out.WriteLine(content);
                return ExitCodes.Ok;
            }

            var path = Path.GetFullPath(f, console.WorkingDirectory);
            await File.WriteAllTextAsync(path, content, token);
            output.Result(new { file = path, format = parse.GetValue(format) }, w => w.WriteLine($"Wrote split '{parse.GetValue(name)}' to {path}."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ImportCommand(CliConsole console)
    {
        var project = CommonOptions.Project();
        var file = new Argument<string>("file") { Description = "An nnU-Net splits_final.json or an Asparagus split file." };
        var name = new Option<string>("--name") { Description = "Split name to save it as.", DefaultValueFactory = _ => "default" };
        var format = Format();
        var command = new Command("import", "Save a split from a file; every case must be a usable case of the project.") { project, file, name, format };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            await ProjectLookup.RequireAsync(session, title);
            var path = Path.GetFullPath(parse.GetValue(file)!, console.WorkingDirectory);
            if (!File.Exists(path))
                throw CliException.Usage($"File {path} does not exist.");
            var split = await session.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(session.Lab, title, parse.GetValue(name)!))
                .ImportAsync(parse.GetValue(format), await File.ReadAllTextAsync(path, token));
            output.Result(split, w => WriteSplit(w, split));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void WriteSplit(TextWriter w, SplitSummary split)
    {
        w.WriteLine($"Split '{split.Name}' version {split.Version}: {split.Cases} cases, {split.Folds.Count} folds, {split.Test} test cases ({split.Origin}).");
        foreach (var fold in split.Folds)
            w.WriteLine($"  fold {fold.Fold}: {fold.Train} train, {fold.Validation} validation");
    }
}
