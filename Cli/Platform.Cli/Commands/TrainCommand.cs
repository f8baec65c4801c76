using System.CommandLine;
using Platform.Cli.Connection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Models;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Training;

namespace Platform.Cli.Commands;

/// <summary><c>platform train &lt;plan&gt; --fold N | --all-folds</c>: one run, or a cross-validation over every fold.</summary>
public static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project();
        var plan = new Argument<string>("plan") { Description = "Plan to train." };
        var fold = new Option<int?>("--fold") { Description = "Train this fold of the split." };
        var allFolds = new Option<bool>("--all-folds") { Description = "Cross-validate: one run per fold, then scores, postprocessing and the test set's ensemble." };
        var version = new Option<int?>("--plan-version") { Description = "Plan version (default: the latest)." };
        var split = new Option<string>("--split") { Description = "Split to take the fold from.", DefaultValueFactory = _ => "default" };
        var seed = new Option<int?>("--seed") { Description = "Training seed (default: the plan's training.seed); each fold adds its number." };
        var priority = new Option<int>("--priority") { Description = "Higher runs are placed first.", DefaultValueFactory = _ => 0 };
        var name = new Option<string?>("--name") { Description = "Cross-validation name (with --all-folds; default '<plan>-cv')." };
        var fromProject = new Option<string?>("--start-from-project") { Description = "Fine-tune: the project (of this lab, any task) whose model the run starts from (default: this project)." };
        var fromRun = new Option<string?>("--start-from-run") { Description = "Fine-tune from this completed run's model: its encoder moves, the head or decoder starts fresh, at half the learning rate after a warm-up." };
        var fromCv = new Option<string?>("--start-from-cross-validation") { Description = "Fine-tune from this completed cross-validation's ensemble (its first fold's encoder)." };
        var wait = CommonOptions.Wait("the run");
        var interval = CommonOptions.Interval();
        var command = new Command("train", "Queue a training run of one fold, or cross-validate all folds.") { project, plan, fold, allFolds, version, split, seed, priority, name, fromProject, fromRun, fromCv, wait, interval };
        command.Validators.Add(result =>
        {
            var hasFold = result.GetResult(fold) is not null;
            if (hasFold == result.GetValue(allFolds))
                result.AddError("Give exactly one of --fold N and --all-folds.");
            if (result.GetValue(fromRun) is not null && result.GetValue(fromCv) is not null)
                result.AddError("Give at most one of --start-from-run and --start-from-cross-validation.");
            if (result.GetValue(fromProject) is not null && result.GetValue(fromRun) is null && result.GetValue(fromCv) is null)
                result.AddError("--start-from-project names where the starting model is: give --start-from-run or --start-from-cross-validation too.");
        });
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            await ProjectLookup.RequireAsync(session, title);
            var planName = parse.GetValue(plan)!;
            RunStartingPoint? startFrom = (parse.GetValue(fromRun), parse.GetValue(fromCv)) switch
            {
                ({ } r, _) => new RunStartingPoint(parse.GetValue(fromProject) ?? title, new ModelRef(ModelKind.Run, r)),
                (_, { } c) => new RunStartingPoint(parse.GetValue(fromProject) ?? title, new ModelRef(ModelKind.CrossValidation, c)),
                _ => null,
            };
            var snapshot = await PlanVersionAsync(session, title, planName, parse.GetValue(version));
            var pollEvery = TimeSpan.FromSeconds(parse.GetValue(interval));
            // Told, not decided for them: the version keeps its data; a new version would use the new data.
            var drift = await session.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(session.Lab, title, planName)).GetDataDriftAsync(snapshot.Version);
            if (drift.Message is { } changed)
                output.Note($"note: {changed}");

            if (parse.GetValue(allFolds))
            {
                var cvName = parse.GetValue(name) ?? $"{planName}-cv";
                var cv = session.Grains.GetGrain<ICrossValidationGrain>(GrainKeys.CrossValidation(session.Lab, title, cvName));
                var started = await cv.StartAsync(new CrossValidationRequest(planName, snapshot.Version, parse.GetValue(split)!, parse.GetValue(seed), parse.GetValue(priority), startFrom));
                output.Note($"Cross-validation '{cvName}' started: {started.Folds.Count} folds ({string.Join(", ", started.Folds.Select(f => GrainKeys.Parse(f.RunKey).Name))}).");
                if (parse.GetValue(wait))
                    started = await RunFollower.FollowCrossValidationAsync(cv, output.Progress("cross-validation"), pollEvery, token);
                output.Result(started, w => w.WriteLine($"Cross-validation '{cvName}': {started.State}{(started.Result is { } r ? $", mean Dice {string.Join(", ", r.MeanPerLabel.Select(m => FormattableString.Invariant($"label {m.Label} {m.MeanDice:F3}")))}" : "")}{(started.Error is null ? "" : $" ({started.Error})")}"));
                return started.State is CrossValidationState.Failed or CrossValidationState.Cancelled ? ExitCodes.RunFailed : ExitCodes.Ok;
            }

            var foldNumber = parse.GetValue(fold)!.Value;
            var runId = RunIds.New(planName, foldNumber, DateTimeOffset.UtcNow);
            var run = session.Grains.GetGrain<ITrainingRunGrain>(GrainKeys.Run(session.Lab, title, runId));
            var created = await run.CreateAsync(new RunRequest(planName, snapshot.Version, foldNumber, parse.GetValue(seed), parse.GetValue(split), parse.GetValue(priority), startFrom));
            output.Note($"Run {runId} queued (plan '{planName}' version {snapshot.Version}, fold {foldNumber}).");
            if (parse.GetValue(wait))
                created = await RunFollower.FollowRunAsync(run, snapshot.Settings.Training.Epochs, output.Progress("epochs"), pollEvery, token);
            output.Result(created, w => w.WriteLine(RunFollower.Describe(created)));
            return RunFollower.ExitCodeOf(created.State);
        }));
        return command;
    }

    public static async Task<PlanSnapshot> PlanVersionAsync(PlatformSession session, string project, string plan, int? version)
    {
        var grain = session.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(session.Lab, project, plan));
        return version is { } v
            ? await grain.GetVersionAsync(v)
            : await grain.GetAsync() ?? throw CliException.NotFound($"Plan '{plan}' has no version in project '{project}'. Create it with 'platform plans auto-configure {plan}' or 'platform plans import'.");
    }
}
