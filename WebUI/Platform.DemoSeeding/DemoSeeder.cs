using Microsoft.Extensions.Logging;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.DemoSeeding;

/// <summary>
/// Seeds the demo through the grain API, as <paramref name="administrator"/> would in the browser: lab (with the
/// administrator as principal investigator), project, datasource (registered as CT, waiting for its scan), plan version 1 from
/// auto-configuration, and a k-fold split. Each step creates only what is missing, so a pass is idempotent and a
/// pass interrupted half-way is completed by the next one. What is in the database decides; files alone never do.
/// It never changes what exists: a demo project someone archived, or a lab the administrator left, stays as it is.
/// </summary>
/// <param name="grains">The cluster (the WebUI's client, or a silo in tests).</param>
/// <param name="dataRoot">The platform's data root; the demo files are written into the demo lab's folder of it.</param>
/// <param name="administrator">The account the demo is made as, and the demo lab's principal investigator.</param>
/// <param name="attachCredential">Signs the calls that follow as the administrator (called before each step, since tokens are short-lived).</param>
/// <param name="logger">Where each step and any stop is reported.</param>
public sealed partial class DemoSeeder(IGrainFactory grains, string dataRoot, string administrator, Action attachCredential, ILogger logger)
{
    /// <summary>The longest the seeder waits for the demo datasource's scan.</summary>
    public static readonly TimeSpan ScanTimeout = TimeSpan.FromMinutes(10);

    public async Task<DemoSeedReport> SeedAsync(DemoProject demo, CancellationToken cancellationToken)
    {
        var report = new DemoSeedReport(WroteFiles: DemoFiles.EnsureWritten(dataRoot, demo), false, false, false, false, false);
        if (report.WroteFiles)
            LogWroteFiles(logger, $"{demo.LabId}/{demo.Folder}", demo.GoodCases);

        attachCredential();
        var lab = grains.GetGrain<ILabGrain>(GrainKeys.Lab(demo.LabId));
        var labs = await grains.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).ListAsync();
        if (labs.All(l => l.Id != demo.LabId))
        {
            await lab.CreateAsync(demo.LabName, administrator);
            report = report with { CreatedLab = true };
        }
        else if (await lab.GetMyRoleAsync() < LabRole.Scientist)
        {
            return Stop(report, demo, $"'{administrator}' is no longer a scientist or principal investigator of the existing lab '{demo.LabId}'; it is left as it is");
        }

        var project = grains.GetGrain<IProjectGrain>(GrainKeys.Project(demo.LabId, demo.Project));
        var summary = await project.GetAsync();
        if (summary is null)
        {
            await project.CreateAsync(demo.Description);
            report = report with { CreatedProject = true };
        }
        else if (summary.IsArchived)
        {
            return Stop(report, demo, $"project '{demo.Project}' is archived; it is left as it is");
        }

        var datasource = grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(demo.LabId, demo.Project, demo.Datasource));
        if (await datasource.GetStatusAsync() is null)
        {
            await datasource.RegisterAsync(demo.Folder, demo.Modalities);
            report = report with { RegisteredDatasource = true };
        }

        var status = await WaitForScanAsync(datasource, cancellationToken);
        var usable = status.Counts.Valid + status.Counts.Flagged;
        if (status.State is ScanState.Failed || usable == 0)
            return Stop(report, demo, $"the scan of '{demo.Folder}' {(status.State is ScanState.Failed ? $"failed: {status.Error}" : "found no usable cases")}");
        LogScanned(logger, demo.Datasource, usable, status.Counts.Invalid);

        attachCredential();
        var plan = grains.GetGrain<IPlanGrain>(GrainKeys.Plan(demo.LabId, demo.Project, demo.Plan));
        var latest = await plan.GetAsync();
        if (latest is null)
        {
            var suggestion = await project.SuggestPlanAsync(new PlanSuggestionRequest([demo.Datasource]));
            var saved = await plan.ReviseAsync(suggestion.Settings, basedOnVersion: 0, DemoProject.SuggestedPlanComment);
            if (saved.Outcome is PlanRevisionOutcome.Invalid)
                return Stop(report, demo, $"the suggested plan was refused: {string.Join("; ", saved.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
            // A conflict means another pass saved version 1 first: it goes on from whatever is latest now.
            report = report with { SavedPlan = saved.Outcome is PlanRevisionOutcome.Saved };
            latest = await plan.GetAsync();
        }

        // Version 2 follows only the seeder's own version 1: a plan someone has edited since is theirs.
        if (latest is { Version: 1, Comment: DemoProject.SuggestedPlanComment })
        {
            var saved = await plan.ReviseAsync(DemoProject.ForCpu(latest.Settings), basedOnVersion: 1, DemoProject.CpuPlanComment);
            if (saved.Outcome is PlanRevisionOutcome.Invalid)
                return Stop(report, demo, $"the CPU version of the plan was refused: {string.Join("; ", saved.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
            report = report with { SavedPlan = report.SavedPlan || saved.Outcome is PlanRevisionOutcome.Saved };
        }

        var split = grains.GetGrain<ISplitGrain>(GrainKeys.Split(demo.LabId, demo.Project, demo.Split));
        if (await split.GetAsync() is null)
        {
            await split.GenerateAsync(new SplitSpec(SplitStrategyKind.KFold, DemoProject.FoldsFor(usable)));
            report = report with { GeneratedSplit = true };
        }

        LogSeeded(logger, demo.LabId, demo.Project, report.CreatedAnything ? "seeded" : "already complete; nothing changed");
        return report;
    }

    private async Task<DatasourceStatus> WaitForScanAsync(IDatasourceGrain datasource, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ScanTimeout;
        while (true)
        {
            attachCredential();
            var status = await datasource.GetStatusAsync()
                ?? throw new InvalidOperationException("The demo datasource vanished while its scan was awaited.");
            if (status.State is not (ScanState.Scanning or ScanState.NotScanned))
                return status;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The scan of the demo datasource did not finish within {ScanTimeout.TotalMinutes:0} minutes ({status.Done} of {status.Total} cases).");
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    private DemoSeedReport Stop(DemoSeedReport report, DemoProject demo, string why)
    {
        LogStopped(logger, demo.LabId, demo.Project, why);
        return DemoSeedReport.Stopped(report, why);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: wrote {Cases} generated cases (and the broken ones) to {Folder}")]
    private static partial void LogWroteFiles(ILogger logger, string folder, int cases);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: datasource '{Datasource}' scanned, {Usable} usable and {Invalid} invalid case(s)")]
    private static partial void LogScanned(ILogger logger, string datasource, int usable, int invalid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: lab '{Lab}', project '{Project}' {Outcome}")]
    private static partial void LogSeeded(ILogger logger, string lab, string project, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data: lab '{Lab}', project '{Project}' not completed: {Why}")]
    private static partial void LogStopped(ILogger logger, string lab, string project, string why);
}
