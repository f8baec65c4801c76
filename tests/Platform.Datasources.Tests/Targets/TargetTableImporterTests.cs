using System.Text;
using Platform.Datasources.Layouts;
using Platform.Datasources.Targets;
using Platform.Plans.Tasks;

namespace Platform.Datasources.Tests.Targets;

public sealed class TargetTableImporterTests
{
    private static readonly HashSet<string> Cases = ["case_001", "case_002", "case_003", "case_004", "case_005"];

    private static TargetTableImport Import(string fileName, byte[] content, TaskKind kind, IReadOnlyList<string>? classes = null) =>
        TargetTableImporter.Import(fileName, new MemoryStream(content), kind, Cases, classes);

    private static readonly string[][] Classes =
    [
        ["Case ID", "Age", "Label"],
        ["case_001", "40", "tumour"],
        ["case_002", "51", "healthy"],
        ["case_003", "63", "tumour"],
    ];

    [Theory]
    [InlineData("targets.csv")]
    [InlineData("targets.tsv")]
    [InlineData("targets.xlsx")]
    public void Csv_tsv_and_xlsx_read_the_same_classification_table(string fileName)
    {
        var content = Path.GetExtension(fileName) switch
        {
            ".csv" => TargetTableFiles.Csv(Classes),
            ".tsv" => TargetTableFiles.Tsv(Classes),
            _ => TargetTableFiles.Xlsx(Classes),
        };

        var import = Import(fileName, content, TaskKind.Classification);

        Assert.Empty(import.Problems);
        Assert.Equal(3, import.RowsRead);
        var table = Assert.IsType<CaseTargetTable>(import.Table);
        Assert.Equal(["healthy", "tumour"], table.ClassNames);
        Assert.Equal([("case_001", 1), ("case_002", 0), ("case_003", 1)], table.Targets.Select(t => (t.CaseId, t.Class!.Value)));
        Assert.All(table.Targets, t => Assert.Null(t.Value));
    }

    [Theory]
    [InlineData("ages.csv")]
    [InlineData("ages.tsv")]
    [InlineData("ages.xlsx")]
    public void Csv_tsv_and_xlsx_read_the_same_regression_values(string fileName)
    {
        string[][] rows = [["subject", "value"], ["case_001", "42.5"], ["case_002", "-3"], ["case_003", "1e3"]];
        var content = fileName.EndsWith(".csv", StringComparison.Ordinal) ? TargetTableFiles.Csv(rows)
            : fileName.EndsWith(".tsv", StringComparison.Ordinal) ? TargetTableFiles.Tsv(rows) : TargetTableFiles.Xlsx(rows);

        var table = Import(fileName, content, TaskKind.Regression).Table!;

        Assert.Empty(table.ClassNames);
        Assert.Equal([("case_001", 42.5), ("case_002", -3.0), ("case_003", 1000.0)], table.Targets.Select(t => (t.CaseId, t.Value!.Value)));
    }

    [Theory]
    [InlineData("t.csv")]
    [InlineData("t.xlsx")]
    public void A_header_without_a_target_column_gets_one_error_naming_the_columns_found(string fileName)
    {
        string[][] rows = [["Case", "Age", "Sex"], ["case_001", "40", "F"]];
        var content = fileName.EndsWith(".csv", StringComparison.Ordinal) ? TargetTableFiles.Csv(rows) : TargetTableFiles.Xlsx(rows);

        var import = Import(fileName, content, TaskKind.Classification);

        Assert.Null(import.Table);
        var problem = Assert.Single(import.Problems);
        Assert.Equal(ProblemKind.TargetTableColumns, problem.Kind);
        Assert.Contains("a class or value column", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("case-id column", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("'Case', 'Age', 'Sex'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_without_a_case_column_says_so()
    {
        var import = Import("t.csv", TargetTableFiles.Csv(["patient", "class"], ["case_001", "a"]), TaskKind.Classification);

        var problem = Assert.Single(import.Problems);
        Assert.Equal(ProblemKind.TargetTableColumns, problem.Kind);
        Assert.Contains("a case-id column (case, case_id", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("'patient', 'class'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_row_problem_names_its_row_and_case_and_the_valid_rows_still_import()
    {
        var csv = TargetTableFiles.Csv(
            ["case_id", "value"],
            ["case_001", "12"],      // row 2: fine
            ["", "13"],              // row 3: no case id
            ["case_999", "14"],      // row 4: not in the datasource
            ["case_002", "abc"],     // row 5: not a number
            ["case_003", "NaN"],     // row 6: NaN
            ["case_004", "Infinity"],// row 7: infinite
            ["case_005", "1"],       // row 8: duplicate with row 9
            ["case_005", "2"]);      // row 9

        var import = Import("values.csv", csv, TaskKind.Regression);

        Assert.Equal(8, import.RowsRead);
        Assert.Equal([("case_001", 12.0)], import.Table!.Targets.Select(t => (t.CaseId, t.Value!.Value)));
        Assert.Equal(
        [
            (ProblemKind.MissingCaseId, null, "Row 3: no case id is given."),
            (ProblemKind.CaseNotInDatasource, "case_999", "Row 4, case 'case_999': the datasource has no such case."),
            (ProblemKind.InvalidTargetValue, "case_002", "Row 5, case 'case_002': 'abc' is not a number (write numbers with a '.' decimal point, e.g. 42.5)."),
            (ProblemKind.InvalidTargetValue, "case_003", "Row 6, case 'case_003': 'NaN' is not a finite number: NaN and infinite values cannot be learned from."),
            (ProblemKind.InvalidTargetValue, "case_004", "Row 7, case 'case_004': 'Infinity' is not a finite number: NaN and infinite values cannot be learned from."),
            (ProblemKind.DuplicateTargetRow, "case_005", "Row 8, case 'case_005': the case is given in rows 8, 9; none of them is used."),
            (ProblemKind.DuplicateTargetRow, "case_005", "Row 9, case 'case_005': the case is given in rows 8, 9; none of them is used."),
        ],
        import.Problems.Select(p => (p.Kind, p.CaseId, p.Reason)));
        Assert.All(import.Problems, p => Assert.Equal("values.csv", p.File));
    }

    [Fact]
    public void A_class_the_project_does_not_declare_is_refused_and_declared_order_gives_the_indices()
    {
        var csv = TargetTableFiles.Csv(["case", "class"], ["case_001", "benign"], ["case_002", "malignant"], ["case_003", "unsure"], ["case_004", ""]);

        var import = Import("c.csv", csv, TaskKind.Classification, ["malignant", "benign"]);

        Assert.Equal(["malignant", "benign"], import.Table!.ClassNames);
        Assert.Equal([("case_001", 1), ("case_002", 0)], import.Table.Targets.Select(t => (t.CaseId, t.Class!.Value)));
        Assert.Equal(
        [
            (ProblemKind.UnknownClass, "Row 4, case 'case_003': 'unsure' is not one of the project's classes (malignant, benign)."),
            (ProblemKind.UnknownClass, "Row 5, case 'case_004': no class is given."),
        ],
        import.Problems.Select(p => (p.Kind, p.Reason)));
    }

    [Fact]
    public void Numeric_classes_are_sorted_as_numbers()
    {
        var csv = TargetTableFiles.Csv(["case", "class"], ["case_001", "10"], ["case_002", "2"], ["case_003", "1"]);

        var table = Import("c.csv", csv, TaskKind.Classification).Table!;

        Assert.Equal(["1", "2", "10"], table.ClassNames);
        Assert.Equal([2, 1, 0], table.Targets.Select(t => t.Class!.Value));
    }

    [Fact]
    public void A_table_with_only_a_header_is_empty()
    {
        var import = Import("c.tsv", TargetTableFiles.Tsv(["case", "class"]), TaskKind.Classification);

        Assert.Null(import.Table);
        Assert.Equal(ProblemKind.EmptyTargetTable, Assert.Single(import.Problems).Kind);
    }

    [Fact]
    public void A_table_whose_every_row_is_bad_has_no_table()
    {
        var import = Import("c.csv", TargetTableFiles.Csv(["case", "value"], ["nope", "1"], ["case_001", "x"]), TaskKind.Regression);

        Assert.False(import.HasTable);
        Assert.Equal(2, import.Problems.Count);
    }

    [Theory]
    [InlineData("targets.json", "not a table file this platform reads (.json)")]
    [InlineData("targets.xlsx", "not a readable .xlsx workbook")]
    public void A_file_that_is_not_a_readable_table_says_why(string fileName, string expected)
    {
        var import = Import(fileName, "case,class\ncase_001,a\n"u8.ToArray(), TaskKind.Classification);

        var problem = Assert.Single(import.Problems);
        Assert.Equal(ProblemKind.UnreadableTargetTable, problem.Kind);
        Assert.Contains(expected, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_numbers_are_the_file_lines_with_blank_lines_and_quoted_cells_counted()
    {
        var csv = "case,value\n\ncase_001,1\n\"case_002\",\"x\"\n"u8.ToArray();

        var problem = Assert.Single(Import("v.csv", csv, TaskKind.Regression).Problems);

        Assert.StartsWith("Row 4, case 'case_002'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_saved_by_a_spreadsheet_with_a_byte_order_mark_reads_its_first_column()
    {
        var csv = Encoding.UTF8.GetPreamble().Concat("case,class\r\ncase_001,a\r\n"u8.ToArray()).ToArray();

        var import = Import("excel.csv", csv, TaskKind.Classification);

        Assert.Empty(import.Problems);
        Assert.Equal("case_001", Assert.Single(import.Table!.Targets).CaseId);
    }

    [Fact]
    public void A_semicolon_separated_csv_is_named_as_such()
    {
        var problem = Assert.Single(Import("excel.csv", "case;class\ncase_001;a\n"u8.ToArray(), TaskKind.Classification).Problems);

        Assert.Equal(ProblemKind.TargetTableColumns, problem.Kind);
        Assert.Contains("found columns 'case;class'. The file seems separated by ';'", problem.Reason, StringComparison.Ordinal);
    }
}
