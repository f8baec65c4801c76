using System.CommandLine;
using Platform.Cli.Connection;
using Platform.Cli.Output;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;

namespace Platform.Cli.Commands;

/// <summary><c>platform datasources register|modality|status|cases|targets</c>.</summary>
public static class DatasourcesCommands
{
    public static Command Create(CliConsole console)
    {
        var datasources = new Command("datasources", "Register folders of cases and see what validation found.");
        datasources.Add(RegisterCommand(console));
        datasources.Add(ModalityCommand(console));
        datasources.Add(StatusCommand(console));
        datasources.Add(CasesCommand(console));
        datasources.Add(TargetTableCommand.Create(console));
        return datasources;
    }

    private static Command RegisterCommand(CliConsole console)
    {
        var project = CommonOptions.Project();
        var name = new Argument<string>("name") { Description = "Datasource name: lower-case letters, digits and _." };
        var folder = new Argument<string>("folder") { Description = "Folder relative to the lab's data folder, {DataRoot}/{labId} (FRAN images/+lms/ or nnU-Net imagesTr/+labelsTr/)." };
        var modality = ModalityOption();
        var noWait = new Option<bool>("--no-wait") { Description = "Return once the scan started instead of following it." };
        var interval = CommonOptions.Interval();
        var command = new Command("register", "Register (or re-scan) a folder and follow its validation scan.") { project, name, folder, modality, noWait, interval };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            await ProjectLookup.RequireAsync(session, title);
            var grain = session.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(session.Lab, title, parse.GetValue(name)!));
            var status = await grain.RegisterAsync(parse.GetValue(folder)!, Modalities(parse.GetValue(modality)));
            if (!parse.GetValue(noWait))
                status = await FollowScanAsync(grain, output.Progress("scan"), TimeSpan.FromSeconds(parse.GetValue(interval)), token);
            output.Result(status, w => WriteStatus(w, status));
            return status.State == ScanState.Failed ? ExitCodes.RunFailed : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>One modality per image channel, in channel order: repeated (--modality CT --modality MR) or comma-separated.</summary>
    private static Option<string[]> ModalityOption() => new("--modality")
    {
        Description = $"Modality of each image channel, in order ({string.Join(", ", ChannelModalities.Choices)}, or a channel name of nnU-Net's dataset.json). A FRAN folder does not say it; an nnU-Net folder's dataset.json does and wins. It decides each channel's normalisation in auto-configure.",
    };

    private static IReadOnlyList<string>? Modalities(string[]? values) =>
        values is { Length: > 0 } ? [.. values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))] : null;

    private static Command ModalityCommand(CliConsole console)
    {
        var project = CommonOptions.Project();
        var name = new Argument<string>("name") { Description = "Datasource name." };
        var modalities = new Argument<string[]>("modalities") { Description = $"Modality of each image channel, in order ({string.Join(", ", ChannelModalities.Choices)}).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("modality", "Set the modality of a datasource's image channels (FRAN folders; an nnU-Net folder's dataset.json decides its own).") { project, name, modalities };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, _) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            var grain = session.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(session.Lab, title, parse.GetValue(name)!));
            var status = await grain.SetModalitiesAsync(Modalities(parse.GetValue(modalities)) ?? []);
            output.Result(status, w => WriteStatus(w, status));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command StatusCommand(CliConsole console)
    {
        var project = CommonOptions.Project();
        var name = new Argument<string>("name") { Description = "Datasource name." };
        var command = new Command("status", "Where a datasource's scan stands and how many cases are valid, flagged or invalid.") { project, name };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, _) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            var status = await session.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(session.Lab, title, parse.GetValue(name)!)).GetStatusAsync()
                ?? throw CliException.NotFound($"Datasource '{parse.GetValue(name)}' is not registered in project '{title}'. Register it with 'platform datasources register'.");
            output.Result(status, w => WriteStatus(w, status));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CasesCommand(CliConsole console)
    {
        var project = CommonOptions.Project();
        var name = new Argument<string>("name") { Description = "Datasource name." };
        var problems = new Option<bool>("--problems") { Description = "Only cases with problems (flagged or invalid), each with what is wrong." };
        var status = new Option<CaseStatus?>("--status") { Description = "Only cases with this status (Valid, Flagged, Invalid)." };
        var command = new Command("cases", "List a datasource's cases as validation recorded them.") { project, name, problems, status };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, _) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            var grain = session.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(session.Lab, title, parse.GetValue(name)!));
            if (await grain.GetStatusAsync() is null)
                throw CliException.NotFound($"Datasource '{parse.GetValue(name)}' is not registered in project '{title}'.");
            var cases = await AllCasesAsync(grain, parse.GetValue(status));
            if (parse.GetValue(problems))
                cases = [.. cases.Where(c => c.Status != CaseStatus.Valid || c.Problems.Count > 0)];
            output.Result(cases, w =>
            {
                if (cases.Count == 0)
                    w.WriteLine(parse.GetValue(problems) ? "No case has a problem." : "No cases.");
                foreach (var c in cases)
                {
                    w.WriteLine($"{c.CaseId,-24} {c.Status,-8} {(c.Shape is { } s ? string.Join('x', s) : "")}");
                    foreach (var p in c.Problems)
                        w.WriteLine($"    {p.Kind}: {p.Reason}{(p.File is null ? "" : $" ({p.File})")}");
                }
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<IReadOnlyList<CaseSummary>> AllCasesAsync(IDatasourceGrain grain, CaseStatus? status)
    {
        var all = new List<CaseSummary>();
        for (var page = 0; ; page++)
        {
            var result = await grain.ListCasesAsync(new CaseQuery(page, CaseQuery.MaxPageSize, Status: status));
            all.AddRange(result.Cases);
            if (result.Cases.Count == 0 || all.Count >= result.Total)
                return all;
        }
    }

    private static async Task<DatasourceStatus> FollowScanAsync(IDatasourceGrain grain, ProgressDisplay progress, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (true)
        {
            var status = (await grain.GetStatusAsync())!;
            progress.Report(status.Done, status.Total, status.State == ScanState.Scanning ? $"cases read ({status.FailedSoFar} failed so far)" : status.State.ToString());
            if (status.State != ScanState.Scanning)
            {
                progress.Done();
                return status;
            }

            await Task.Delay(interval, cancellationToken);
        }
    }

    private static void WriteStatus(TextWriter w, DatasourceStatus status)
    {
        w.WriteLine($"Datasource '{status.Name}' ({status.Layout}, {status.Folder}): {status.State}");
        w.WriteLine($"  {status.Counts.Valid} valid, {status.Counts.Flagged} flagged, {status.Counts.Invalid} invalid");
        w.WriteLine($"  modality: {ChannelModalities.Describe(status.Modalities)}{status.ModalitySource switch
        {
            ModalitySource.DatasetJson => " (from dataset.json)",
            ModalitySource.Chosen => "",
            _ => " - set it with 'platform datasources modality <name> CT|MR|other' so auto-configure normalises each channel as it should",
        }}");
        foreach (var p in status.DatasourceProblems)
            w.WriteLine($"  {p.Kind}: {p.Reason}");
        if (status.Error is not null)
            w.WriteLine($"  error: {status.Error}");
        if (status.Counts.Invalid + status.Counts.Flagged > 0)
            w.WriteLine("  See what is wrong with 'platform datasources cases <name> --problems'.");
    }
}
