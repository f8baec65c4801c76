using ClosedXML.Excel;
using Platform.Preprocessing.Planning.Fran;

namespace Platform.Preprocessing.Tests.Planning.Fran;

public sealed class FranPlanSheetTests
{
    private static FranPlanRow Row(string plan, params (string Column, string? Text)[] cells) =>
        new(plan, cells.ToDictionary(c => c.Column, c => c.Text));

    private static List<FranPlanRow> SamplePlans() =>
    [
        Row("1",
            (FranColumns.Plan, "1"), (FranColumns.Datasources, "kits23,litq"), (FranColumns.Spacing, "0.8,0.8,1.5"),
            (FranColumns.Mode, "lbd"), (FranColumns.ExpandBy, "20"), (FranColumns.PatchDim0, "128"),
            (FranColumns.PatchDim1, "96"), (FranColumns.PatchOverlap, "0.25"), (FranColumns.RemappingSource, "{1:0, 2:2}"),
            (FranColumns.RemappingTrain, "[[1, 2], [1, 1]]"), (FranColumns.UseFgIndices, "True"), (FranColumns.NnzAllowed, "False"),
            (FranColumns.SamplesPerFile, "2"), (FranColumns.FgIndicesExclude, null)),
        Row("2",
            (FranColumns.Plan, "2"), (FranColumns.Datasources, "kits23"), (FranColumns.Spacing, "1.50,1.50,1.50"),
            (FranColumns.Mode, "whole"), (FranColumns.SourcePlan, "1"), (FranColumns.ImportedFolder, "/data/preds"),
            (FranColumns.RemappingImported, "[1,2],[0,1]"), (FranColumns.MergeImportedLabels, "True"), ("note", "=not a formula")),
    ];

    private static List<FranPlanRow> RoundTrip(IReadOnlyList<FranPlanRow> rows)
    {
        using var stream = new MemoryStream();
        FranPlanSheet.Write(stream, rows);
        stream.Position = 0;
        return FranPlanSheet.Read(stream).ToList();
    }

    [Fact]
    public void Write_then_read_gives_identical_rows()
    {
        var rows = SamplePlans();

        var back = RoundTrip(rows);

        Assert.Equal(2, back.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Plan, back[i].Plan);
            Assert.True(rows[i].SameCellsAs(back[i]), $"plan {rows[i].Plan}");
        }
        // Text stays text: "1.50" is not normalised to 1.5 and "=..." is not a formula.
        Assert.Equal("1.50,1.50,1.50", back[1].Text(FranColumns.Spacing));
        Assert.Equal("=not a formula", back[1].Text("note"));
        Assert.Null(back[0].Text(FranColumns.FgIndicesExclude));
    }

    [Fact]
    public void Read_typed_values_parse_fran_syntaxes()
    {
        var back = RoundTrip(SamplePlans());

        Assert.Equal([0.8, 0.8, 1.5], back[0].Spacing()!);
        Assert.Equal(new Dictionary<int, int> { [1] = 0, [2] = 2 }, back[0].Remapping(FranColumns.RemappingSource)!);
        Assert.Equal(new Dictionary<int, int> { [1] = 1, [2] = 1 }, back[0].Remapping(FranColumns.RemappingTrain)!);
        Assert.Equal(new Dictionary<int, int> { [1] = 0, [2] = 1 }, back[1].Remapping(FranColumns.RemappingImported)!);
        Assert.True(back[0].Boolean(FranColumns.UseFgIndices));
        Assert.False(back[0].Boolean(FranColumns.NnzAllowed));
        Assert.Null(back[1].Boolean(FranColumns.NnzAllowed));
        Assert.Equal(0.25, back[0].Number(FranColumns.PatchOverlap));
        Assert.Equal(128, back[0].Integer(FranColumns.PatchDim0));
    }

    [Fact]
    public void Read_sheet_typed_by_excel_gives_invariant_text()
    {
        // A sheet as a person makes it in Excel: numbers and booleans typed, no plan column.
        using var stream = new MemoryStream();
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.Worksheets.Add("plans");
            sheet.Cell(1, 1).Value = FranColumns.Spacing;
            sheet.Cell(1, 2).Value = FranColumns.PatchOverlap;
            sheet.Cell(1, 3).Value = FranColumns.UseFgIndices;
            sheet.Cell(1, 4).Value = FranColumns.PatchDim0;
            sheet.Cell(2, 1).SetValue("0.8,0.8,1.5");
            sheet.Cell(2, 2).SetValue(0.25);
            sheet.Cell(2, 3).SetValue(true);
            sheet.Cell(2, 4).SetValue(128);
            workbook.SaveAs(stream);
        }
        stream.Position = 0;

        var row = Assert.Single(FranPlanSheet.Read(stream));

        Assert.Equal("row 2", row.Plan);
        Assert.Equal("0.25", row.Text(FranColumns.PatchOverlap));
        Assert.Equal("True", row.Text(FranColumns.UseFgIndices));
        Assert.Equal(128, row.Integer(FranColumns.PatchDim0));
    }

    [Fact]
    public void Bad_cells_name_the_plan_and_the_column()
    {
        var rows = RoundTrip([Row("7", (FranColumns.Plan, "7"), (FranColumns.Spacing, "0.8,0.8"), (FranColumns.RemappingLbd, "{1:0, 1:2}"), (FranColumns.NnzAllowed, "perhaps"))]);

        var spacing = Assert.Throws<FranPlanException>(() => rows[0].Spacing());
        var remap = Assert.Throws<FranPlanException>(() => rows[0].Remapping(FranColumns.RemappingLbd));
        var flag = Assert.Throws<FranPlanException>(() => rows[0].Boolean(FranColumns.NnzAllowed));

        Assert.Equal(("7", "spacing"), (spacing.Plan, spacing.Column));
        Assert.Equal(("7", "remapping_lbd"), (remap.Plan, remap.Column));
        Assert.Equal(("7", "nnz_allowed"), (flag.Plan, flag.Column));
        Assert.StartsWith("plan 7, column 'spacing':", spacing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_orders_columns_plan_first_then_fran_order_then_others()
    {
        using var stream = new MemoryStream();
        FranPlanSheet.Write(stream, SamplePlans());
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        var header = workbook.Worksheet("plans").Row(1).CellsUsed().Select(c => c.GetString()).ToList();

        Assert.Equal(FranColumns.Plan, header[0]);
        Assert.Equal(FranColumns.Datasources, header[1]);
        Assert.Equal("note", header[^1]);
        Assert.True(header.IndexOf(FranColumns.Spacing) < header.IndexOf(FranColumns.RemappingTrain));
    }
}
