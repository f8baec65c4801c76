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
        var file = new Option<string?>("--output", "-o") { Description = "Write to this file (nnU-Net; default standard output) or into this folder (Asparagus' two files; default the working folder)." };
        var dataRoot = new Option<string?>("--asparagus-data") { Description = "Asparagus: $ASPARAGUS_DATA on the machine that trains (absolute); the files list samples under it." };
        var task = new Option<string?>("--task") { Description = "Asparagus: the task the samples belong to (default: the project's title, when it is a task name such as SEG005_Kidney)." };
        var splitFile = new Option<string?>("--split-file") { Description = "Asparagus: the split file's name (default split_<split name>.json); the TEST file is named from it." };
        var nifti = new Option<bool>("--nifti") { Description = "Asparagus: samples are .nii.gz rather than .pt tensors." };
        var command = new Command("export", "Write a split as a split file (nnU-Net) or as a split file and a TEST file (Asparagus).") { project, name, format, file, dataRoot, task, splitFile, nifti };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            var grain = session.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(session.Lab, title, parse.GetValue(name)!));
            if (await grain.GetAsync() is null)
                throw CliException.NotFound($"Project '{title}' has no split '{parse.GetValue(name)}'. Generate one with 'platform splits generate'.");
            if (parse.GetValue(format) == SplitFileFormat.Asparagus)
            {
                var root = parse.GetValue(dataRoot)
                    ?? throw CliException.Usage("Asparagus' split files list absolute sample paths: give --asparagus-data, the $ASPARAGUS_DATA folder of the machine that trains.");
                var files = await grain.ExportAsparagusAsync(new AsparagusSplitExport(root, parse.GetValue(task), parse.GetValue(splitFile), !parse.GetValue(nifti)));
                var folder = Path.GetFullPath(parse.GetValue(file) ?? ".", console.WorkingDirectory);
                Directory.CreateDirectory(folder);
                await File.WriteAllTextAsync(Path.Combine(folder, files.SplitFileName), files.SplitJson, token);
                await File.WriteAllTextAsync(Path.Combine(folder, files.TestFileName), files.TestJson, token);
                output.Result(new { folder, splitFile = files.SplitFileName, testFile = files.TestFileName },
                    w => w.WriteLine($"Wrote split '{parse.GetValue(name)}' to {Path.Combine(folder, files.SplitFileName)} and {files.TestFileName}; copy both into $ASPARAGUS_DATA/<task>/ and train with data.train_split={Path.GetFileNameWithoutExtension(files.SplitFileName)}."));
                return ExitCodes.Ok;
            }

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
        var file = new Argument<string>("file") { Description = "An nnU-Net splits_final.json or an Asparagus split file (its TEST file beside it is read too)." };
        var name = new Option<string>("--name") { Description = "Split name to save it as.", DefaultValueFactory = _ => "default" };
        var format = Format();
        var test = new Option<string?>("--test") { Description = "Asparagus: the TEST file, when it is not the one beside the split file." };
        var resplit = new Option<int?>("--resplit") { Description = "Asparagus: import this re-split as a one-fold split (Asparagus' re-splits overlap; data.fold picks one)." };
        var command = new Command("import", "Save a split from a file; every case must be a usable case of the project.") { project, file, name, format, test, resplit };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            await ProjectLookup.RequireAsync(session, title);
            var path = Path.GetFullPath(parse.GetValue(file)!, console.WorkingDirectory);
            if (!File.Exists(path))
                throw CliException.Usage($"File {path} does not exist.");
            var grain = session.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(session.Lab, title, parse.GetValue(name)!));
            var split = parse.GetValue(format) == SplitFileFormat.Asparagus
                ? await grain.ImportAsparagusAsync(await AsparagusSplitUpload.ReadAsync(path, parse.GetValue(test) is { } t ? Path.GetFullPath(t, console.WorkingDirectory) : null, parse.GetValue(resplit), token))
                : await grain.ImportAsync(parse.GetValue(format), await File.ReadAllTextAsync(path, token));
            output.Result(split, w => WriteSplit(w, split));
            return ExitCodes.Ok;
        }));
        return command;
    }

    internal static void WriteSplit(TextWriter w, SplitSummary split)
    {
        w.WriteLine($"Split '{split.Name}' version {split.Version}: {split.Cases} cases, {split.Folds.Count} folds, {split.Test} test cases ({split.Origin}).");
        foreach (var fold in split.Folds)
            w.WriteLine($"  fold {fold.Fold}: {fold.Train} train, {fold.Validation} validation");
    }
}
