using Microsoft.Extensions.Logging;
using Platform.Datasources.Targets;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Tenancy;
using Platform.Plans.Tasks;

namespace Platform.Grains.Datasources;

// The target table of a classification or regression datasource: read and checked by TargetTableImporter, stored by
// TargetTableStore. A table with no usable row is refused before anything is written, so the stored one survives it.
public sealed partial class DatasourceGrain
{
    public async Task<TargetTableReport> UploadTargetTableAsync(string fileName, byte[] content)
    {
        var name = Path.GetFileName(fileName?.Trim() ?? "");
        if (name.Length is 0 or > 200)
            throw new PlatformValidationException("fileName", "A target table needs its file name (1 to 200 characters), whose extension says how to read it.");
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > TargetTableReport.MaxFileBytes)
            throw new PlatformValidationException("content", $"'{name}' has {content.Length:N0} bytes; a target table may have at most {TargetTableReport.MaxFileBytes:N0}.");
        if (datasource.State.Folder is null)
            throw new PlatformNotFoundException($"Datasource '{Key.Name}' is not registered yet: register its folder before uploading its table.");
        var kind = await ProjectKindAsync();
        if (!kind.HasTargetTable())
            throw new PlatformConflictException($"Project '{Key.Project}' is a {kind} project: only classification and regression datasources take a table of case targets.");

        using var stream = new MemoryStream(content, writable: false);
        var import = TargetTableImporter.Import(name, stream, kind, await catalog.CaseIdsAsync(CatalogKey));
        var problems = import.Problems.Select(ScanRows.ToCaseProblem).ToList();
        if (!import.HasTable)
            throw new PlatformValidationException("table", RefusedMessage(name, import, problems));

        var table = import.Table!;
        var report = new TargetTableReport(name, kind, table.ClassNames, import.RowsRead, table.Targets.Count, problems,
            clock.GetUtcNow(), VerifiedCaller.Require().PrincipalId);
        await targetTables.ReplaceAsync(CatalogKey, table, report);
        LogTargetTableStored(logger, this.GetPrimaryKeyString(), name, report.Imported, problems.Count);
        return report;
    }

    public Task<CaseTargetTable?> GetTargetTableAsync() => targetTables.GetTableAsync(CatalogKey);

    public Task<TargetTableReport?> GetTargetTableProblemsAsync() => targetTables.GetReportAsync(CatalogKey);

    private async Task<TaskKind> ProjectKindAsync()
    {
        var project = await GrainFactory.GetGrain<IProjectGrain>(GrainKeys.Project(Key.Lab, Key.Project)).GetAsync()
            ?? throw new PlatformNotFoundException($"Project '{Key.Project}' does not exist in lab '{Key.Lab}'.");
        return project.Kind;
    }

    /// <summary>Why nothing was stored, with the first problems (each naming its row and case) and how many more there are.</summary>
    private static string RefusedMessage(string name, TargetTableImport import, IReadOnlyList<CaseProblem> problems)
    {
        const int Shown = 20;
        var lines = problems.Take(Shown).Select(p => $"  {p.Kind}: {p.Reason}");
        var more = problems.Count > Shown ? $"\n  … and {problems.Count - Shown} more problem(s)." : "";
        return $"'{name}' was not stored: none of its {import.RowsRead} row(s) could be used; the table stored before (if any) is kept.\n{string.Join('\n', lines)}{more}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Datasource {Key}: target table {File} stored with {Imported} case(s), {Problems} problem(s)")]
    private static partial void LogTargetTableStored(ILogger logger, string key, string file, int imported, int problems);
}
