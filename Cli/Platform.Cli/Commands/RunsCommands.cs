using System.CommandLine;
using System.Globalization;
using Platform.Cli.Connection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;

namespace Platform.Cli.Commands;

/// <summary><c>platform runs show|follow|list|pause|resume|cancel</c>.</summary>
public static class RunsCommands
{
    public static Command Create(CliConsole console)
    {
        var runs = new Command("runs", "See and steer training runs.");
        runs.Add(ListCommand(console));
        runs.Add(ShowCommand(console));
        runs.Add(FollowCommand(console));
        runs.Add(ActionCommand(console, "pause", "Stop a running training at the end of its current epoch, after writing a checkpoint (it can be resumed).", r => r.PauseAsync()));
        runs.Add(ActionCommand(console, "resume", "Put a paused run back in the queue; it continues from its last checkpoint.", r => r.ResumeAsync()));
        runs.Add(ActionCommand(console, "cancel", "Cancel a run.", r => r.CancelAsync("cancelled from the command line")));
        return runs;
    }

    private static Argument<string> RunId() => new("run") { Description = "Run id (as 'runs list' shows)." };

    public static async Task<(ITrainingRunGrain Grain, RunSnapshot Snapshot)> RequireRunAsync(PlatformSession session, string project, string runId)
    {
        var grain = session.Grains.GetGrain<ITrainingRunGrain>(GrainKeys.Run(session.Lab, project, runId));
        var snapshot = await grain.GetAsync()
            ?? throw CliException.NotFound($"Run '{runId}' does not exist in project '{project}'. List runs with 'platform runs list'.");
        return (grain, snapshot);
    }

    private static Command ListCommand(CliConsole console)
    {
        var project = CommonOptions.Project();
        var state = new Option<RunState?>("--state") { Description = "Only runs in this state (Queued, Preparing, Running, Paused, Completed, Failed, Cancelled)." };
        var plan = new Option<string?>("--plan") { Description = "Only runs of this plan." };
        var sort = new Option<ProjectItemSort>("--sort") { Description = "Order by CreatedAt (default), FinishedAt, BestScore, State, Plan or Name.", DefaultValueFactory = _ => ProjectItemSort.CreatedAt };
        var ascending = new Option<bool>("--ascending") { Description = "Oldest, lowest or first first (default: newest, best or last first)." };
        var page = new Option<int>("--page") { Description = "Which page, from 1.", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = $"Runs per page (1 to {ProjectItemQuery.MaxPageSize}).", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List one page of the project's runs with their state, epochs and best score.") { project, state, plan, sort, ascending, page, pageSize };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, _) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            await ProjectLookup.RequireAsync(session, title);
            var query = new ProjectItemQuery(ProjectItemKind.Run, parse.GetValue(page) - 1, parse.GetValue(pageSize), parse.GetValue(sort),
                Descending: !parse.GetValue(ascending), States: parse.GetValue(state) is { } s ? [s.ToString()] : null, PlanName: parse.GetValue(plan));
            // One read of the project's run list: no run is asked, however many there are.
            var listed = await session.Grains.GetGrain<IProjectListGrain>(GrainKeys.ProjectList(session.Lab, title)).ListItemsAsync(query);
            var rows = listed.Items.Select(r => new { RunId = r.Name, State = r.RunStateOrNull, r.PlanName, r.PlanVersion, r.Fold, r.EpochsDone, r.EpochsTotal, r.BestScore, r.CreatedAt, r.FinishedAt }).ToList();
            output.Result(rows, w =>
            {
                if (listed.Total == 0)
                    w.WriteLine(query.States is null && query.PlanName is null ? "No runs yet; start one with 'platform train <plan> --fold 0'." : "No runs match.");
                foreach (var r in rows)
                    w.WriteLine(FormattableString.Invariant(
                        $"{r.RunId,-45} {r.State,-10} plan {r.PlanName} v{r.PlanVersion} fold {r.Fold?.ToString(CultureInfo.InvariantCulture) ?? "all"}, {r.EpochsDone}/{r.EpochsTotal?.ToString(CultureInfo.InvariantCulture) ?? "?"} epoch(s){(r.BestScore is { } b ? $", best {b:F4}" : "")}"));
                if (listed.Total > rows.Count)
                    w.WriteLine($"page {query.Page + 1} of {(listed.Total + query.PageSize - 1) / query.PageSize} ({listed.Total} runs); see more with --page");
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ShowCommand(CliConsole console)
    {
        var project = CommonOptions.Project();
        var run = RunId();
        var command = new Command("show", "Show a run: its state history, epochs and result.") { project, run };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, _) =>
        {
            var (_, snapshot) = await RequireRunAsync(session, ProjectLookup.Title(parse.GetValue(project), console), parse.GetValue(run)!);
            output.Result(snapshot, w =>
            {
                w.WriteLine(RunFollower.Describe(snapshot));
                w.WriteLine($"  plan {snapshot.Request.PlanName} v{snapshot.Request.PlanVersion}, fold {snapshot.Request.Fold?.ToString() ?? "all"}, split {snapshot.Request.SplitName}, seed {snapshot.SeedDescription}");
                if (snapshot.Dataset is { } dataset)
                    w.WriteLine($"  dataset {dataset.DatasetKey} (fingerprint {dataset.FingerprintId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})");
                foreach (var h in snapshot.History)
                    w.WriteLine($"  {h.At:u} {h.From} -> {h.To} ({h.By}){(h.Reason is null ? "" : $": {h.Reason}")}");
                foreach (var m in snapshot.Metrics)
                    w.WriteLine(FormattableString.Invariant($"  epoch {m.Epoch}: train loss {m.TrainLoss:F4}, val loss {m.ValidationLoss:F4}, {m.Seconds:F1} s"));
                if (snapshot.Result is { } r)
                    foreach (var (metric, value) in r.FinalMetrics.OrderBy(p => p.Key, StringComparer.Ordinal))
                        w.WriteLine(FormattableString.Invariant($"  {metric} = {value:F4}"));
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command FollowCommand(CliConsole console)
    {
        var project = CommonOptions.Project();
        var run = RunId();
        var interval = CommonOptions.Interval();
        var command = new Command("follow", "Show a run's epochs live until it ends or pauses (exit 6 when it fails or is cancelled).") { project, run, interval };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            var (grain, snapshot) = await RequireRunAsync(session, title, parse.GetValue(run)!);
            var plan = await TrainCommand.PlanVersionAsync(session, title, snapshot.Request.PlanName, snapshot.Request.PlanVersion);
            var final = await RunFollower.FollowRunAsync(grain, plan.Settings.Training.Epochs, output.Progress("epochs"), TimeSpan.FromSeconds(parse.GetValue(interval)), token);
            output.Result(final, w => w.WriteLine(RunFollower.Describe(final)));
            return RunFollower.ExitCodeOf(final.State);
        }));
        return command;
    }

    private static Command ActionCommand(CliConsole console, string name, string description, Func<ITrainingRunGrain, Task<RunSnapshot>> act)
    {
        var project = CommonOptions.Project();
        var run = RunId();
        var command = new Command(name, description) { project, run };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, _) =>
        {
            var (grain, _) = await RequireRunAsync(session, ProjectLookup.Title(parse.GetValue(project), console), parse.GetValue(run)!);
            var after = await act(grain);
            output.Result(after, w => w.WriteLine(RunFollower.Describe(after)));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
