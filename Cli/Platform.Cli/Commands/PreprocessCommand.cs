using System.CommandLine;
using Platform.Cli.Connection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Preprocessing;

namespace Platform.Cli.Commands;

/// <summary><c>platform preprocess &lt;plan&gt;</c>: starts (or continues) the plan's preprocessing and follows it.</summary>
public static class PreprocessCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project();
        var plan = new Argument<string>("plan") { Description = "Plan whose latest version to preprocess the project's cases for." };
        var noWait = new Option<bool>("--no-wait") { Description = "Return once the job started." };
        var interval = CommonOptions.Interval();
        var command = new Command("preprocess", "Preprocess the project's usable cases for a plan, following the job's progress (exit 6 when it fails or is cancelled).") { project, plan, noWait, interval };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            await ProjectLookup.RequireAsync(session, title);
            var grain = session.Grains.GetGrain<IPreprocessingGrain>(GrainKeys.Plan(session.Lab, title, parse.GetValue(plan)!));
            var status = await grain.StartAsync();
            if (!parse.GetValue(noWait))
            {
                var progress = output.Progress("preprocess");
                while (status.State == PreprocessingJobState.Running)
                {
                    progress.Report(status.Finished, status.Total, $"cases ({status.Failed} failed){(status.CurrentCase is null ? "" : $", at {status.CurrentCase}")}");
                    await Task.Delay(TimeSpan.FromSeconds(parse.GetValue(interval)), token);
                    status = await grain.GetStatusAsync() ?? status;
                }

                progress.Report(status.Finished, status.Total, $"cases, {status.State}");
                progress.Done();
            }

            output.Result(status, w =>
            {
                w.WriteLine($"Preprocessing of plan '{status.Plan}' version {status.PlanVersion} ({status.DatasetKey}): {status.State}, {status.Done} done, {status.Skipped} already done, {status.Failed} failed of {status.Total}.");
                foreach (var failure in status.Failures)
                    w.WriteLine($"  {failure.CaseId}: {failure.Reason}");
                if (status.Error is not null)
                    w.WriteLine($"  error: {status.Error}");
            });
            return status.State is PreprocessingJobState.Failed or PreprocessingJobState.Cancelled ? ExitCodes.RunFailed : ExitCodes.Ok;
        }));
        return command;
    }
}
