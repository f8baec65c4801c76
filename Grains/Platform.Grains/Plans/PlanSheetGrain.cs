using Orleans.Concurrency;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Plans;
using Platform.Preprocessing.Planning.Fran;
using Platform.Training.Plans;

namespace Platform.Grains.Plans;

/// <summary>
/// Orchestrates plan sheets over the plan grains. A stateless worker, so that the plan grains it calls can call
/// the project grain in turn without a call cycle (a project grain doing this would wait on itself).
/// </summary>
[StatelessWorker]
public sealed class PlanSheetGrain(PlanVersionStore versions) : Grain, IPlanSheetGrain
{
    private const string ImportComment = "imported from a FRAN plan sheet";

    private (string Lab, string Project, string _) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    public async Task<byte[]> ExportFranAsync()
    {
        _ = await GrainFactory.GetGrain<IProjectGrain>(GrainKeys.Project(Key.Lab, Key.Project)).GetAsync()
            ?? throw new PlatformNotFoundException($"Project '{Key.Project}' does not exist.");
        var rows = new List<FranPlanRow>();
        foreach (var head in (await versions.HeadsAsync(Key.Lab, Key.Project)).OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            if (await versions.LatestAsync(Key.Lab, Key.Project, head.Name) is { } latest)
                rows.Add(FranPlanMapping.ToRow(head.Name, latest.Settings));
        }

        using var workbook = new MemoryStream();
        FranPlanSheet.Write(workbook, rows, FranPlanMapping.Columns);
        return workbook.ToArray();
    }

    public async Task<IReadOnlyList<PlanImportResult>> ImportFranAsync(byte[] workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        UploadLimits.Require("workbook", "plan workbook", workbook.LongLength, UploadLimits.PlanWorkbookBytes);
        IReadOnlyList<FranPlanRow> rows;
        try
        {
            using var stream = new MemoryStream(workbook);
            rows = FranPlanSheet.Read(stream);
        }
        catch (Exception e) when (e is FranPlanException or FranValueException or InvalidDataException or ArgumentException or IOException)
        {
            throw new PlatformValidationException("workbook", $"The plan sheet cannot be read: {e.Message}");
        }

        var results = new List<PlanImportResult>();
        foreach (var row in rows)
            results.Add(await ImportRowAsync(row));
        return results;
    }

    private async Task<PlanImportResult> ImportRowAsync(FranPlanRow row)
    {
        if (!PlanNames.IsValid(row.Plan))
            return new PlanImportResult(row.Plan, null, null, [new PlanFieldError("plan", $"'{row.Plan}' is not a valid plan name.")]);

        var plan = Plan(row.Plan);
        var latest = await plan.GetAsync();
        PlanSettings settings;
        try
        {
            settings = FranPlanMapping.ToSettings(row, latest?.Settings ?? PlanSettings.Default);
        }
        catch (Exception e) when (e is FranValueException or FranPlanException)
        {
            return new PlanImportResult(row.Plan, PlanRevisionOutcome.Invalid, latest?.Version, [new PlanFieldError("sheet", e.Message)]);
        }

        try
        {
            var result = await plan.ReviseAsync(settings, latest?.Version ?? 0, ImportComment);
            return new PlanImportResult(row.Plan, result.Outcome, result.Current?.Version, result.Errors);
        }
        catch (PlatformException e)
        {
            // One row's failure (an archived project, say) is reported with the row; the other rows still import.
            return new PlanImportResult(row.Plan, null, latest?.Version, [new PlanFieldError("plan", e.Message)]);
        }
    }

    private IPlanGrain Plan(string name) => GrainFactory.GetGrain<IPlanGrain>(GrainKeys.Plan(Key.Lab, Key.Project, name));
}
