using Platform.Datasources.Layouts;
using Platform.Plans.Tasks;

namespace Platform.Datasources.Targets;

/// <summary>
/// Reads Asparagus' "table" of a classification or regression datasource, case id → class or value, from CSV, TSV or
/// .xlsx into a <see cref="CaseTargetTable"/>, checking every row against the datasource's cases. Rows with problems are
/// left out and reported (row number and case id in each reason); the others import. The one reader of target tables.
/// </summary>
public static class TargetTableImporter
{
    /// <summary>The file types read, by extension.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".csv", ".tsv", ".xlsx"];

    /// <param name="fileName">The table's file name; its extension says how to read it, and problems name it.</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="kind">Classification or regression.</param>
    /// <param name="cases">The case ids the datasource holds.</param>
    /// <param name="declaredClasses">The project's classes, in index order; null takes the table's distinct classes, sorted.</param>
    public static TargetTableImport Import(string fileName, Stream content, TaskKind kind, IReadOnlySet<string> cases, IReadOnlyList<string>? declaredClasses = null)
    {
        if (!kind.HasTargetTable())
            throw new ArgumentException($"A {kind} task has no target table.", nameof(kind));
        TableRows table;
        try
        {
            table = ReadRows(fileName, content);
        }
        catch (TableReadException e)
        {
            return Failed(ProblemKind.UnreadableTargetTable, fileName, e.Message, 0);
        }

        var (columns, headerProblem) = TargetTableColumns.Find(table.Header);
        if (columns is null)
            return Failed(ProblemKind.TargetTableColumns, fileName, headerProblem!, table.Rows.Count);
        if (table.Rows.Count == 0)
            return Failed(ProblemKind.EmptyTargetTable, fileName, "The table has a header row but no data rows.", 0);

        var problems = new List<(int Row, DatasourceProblem Problem)>();
        void Report(ProblemKind problem, TableRow row, string? caseId, string reason) =>
            problems.Add((row.Number, Problem(problem, fileName, row, caseId, reason)));
        var candidates = new List<(TableRow Row, string CaseId, string Target)>();
        foreach (var row in table.Rows)
        {
            var caseId = row.Cell(columns.CaseId);
            var target = row.Cell(columns.Target);
            if (caseId.Length == 0)
                Report(ProblemKind.MissingCaseId, row, null, "no case id is given.");
            else if (!cases.Contains(caseId))
                Report(ProblemKind.CaseNotInDatasource, row, caseId, "the datasource has no such case.");
            else
                candidates.Add((row, caseId, target));
        }

        // A case given twice is left out altogether: which of its rows is right cannot be known.
        var duplicated = candidates.GroupBy(c => c.CaseId, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Row.Number).ToList(), StringComparer.Ordinal);
        foreach (var (row, caseId, _) in candidates.Where(c => duplicated.ContainsKey(c.CaseId)))
            Report(ProblemKind.DuplicateTargetRow, row, caseId, $"the case is given in rows {string.Join(", ", duplicated[caseId])}; none of them is used.");
        var unique = candidates.Where(c => !duplicated.ContainsKey(c.CaseId)).ToList();

        var (classNames, targets) = kind == TaskKind.Classification
            ? TargetParsing.Classes(unique, declaredClasses, (row, caseId, reason) => Report(ProblemKind.UnknownClass, row, caseId, reason))
            : TargetParsing.Values(unique, (row, caseId, reason) => Report(ProblemKind.InvalidTargetValue, row, caseId, reason));

        var ordered = problems.OrderBy(p => p.Row).Select(p => p.Problem).ToList();
        return new TargetTableImport(targets.Count == 0 ? null : new CaseTargetTable(kind, classNames, targets), ordered, table.Rows.Count);
    }

    private static TableRows ReadRows(string fileName, Stream content) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => DelimitedTableReader.Read(content, ','),
            ".tsv" => DelimitedTableReader.Read(content, '\t'),
            ".xlsx" => SpreadsheetTableReader.Read(content),
            var other => throw new TableReadException(
                $"'{Path.GetFileName(fileName)}' is not a table file this platform reads ({(other.Length == 0 ? "no extension" : other)}): use {string.Join(", ", Extensions)}."),
        };

    private static TargetTableImport Failed(ProblemKind kind, string fileName, string reason, int rows) =>
        new(null, [new DatasourceProblem(kind, null, Path.GetFileName(fileName), reason)], rows);

    private static DatasourceProblem Problem(ProblemKind kind, string fileName, TableRow row, string? caseId, string reason) =>
        new(kind, caseId, Path.GetFileName(fileName),
            caseId is null ? $"Row {row.Number}: {reason}" : $"Row {row.Number}, case '{caseId}': {reason}");
}
