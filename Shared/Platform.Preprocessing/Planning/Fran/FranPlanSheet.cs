using System.Globalization;
using ClosedXML.Excel;

namespace Platform.Preprocessing.Planning.Fran;

/// <summary>
/// Reads and writes FRAN-style plan spreadsheets (.xlsx): a header row of column names, then one
/// row per plan. Cells are kept as text so nothing is reinterpreted: numbers read from Excel are
/// written back in invariant round-trip form, booleans as True/False, and every cell we write is
/// typed as text so "1.50" or "0,8" stay exactly as given.
/// </summary>
public static class FranPlanSheet
{
    public const string DefaultSheet = "plans";

    /// <summary>Reads the sheet named <paramref name="sheetName"/>, else "plans", else the first sheet.</summary>
    public static IReadOnlyList<FranPlanRow> Read(Stream xlsx, string? sheetName = null)
    {
        using var workbook = new XLWorkbook(xlsx);
        var sheet = FindSheet(workbook, sheetName);
        var used = sheet.RangeUsed();
        if (used is null)
            return [];

        var lastColumn = used.LastColumn().ColumnNumber();
        var headers = new Dictionary<int, string>();
        for (var c = 1; c <= lastColumn; c++)
        {
            var name = CellText(sheet.Cell(1, c))?.Trim();
            if (name is null)
                continue;
            if (headers.ContainsValue(name))
                throw new FranPlanException("header", name, "the column appears twice");
            headers[c] = name;
        }

        var rows = new List<FranPlanRow>();
        for (var r = 2; r <= used.LastRow().RowNumber(); r++)
        {
            var cells = headers.ToDictionary(h => h.Value, h => CellText(sheet.Cell(r, h.Key)), StringComparer.Ordinal);
            if (cells.Values.All(v => v is null))
                continue;   // blank separator rows are common in hand-edited sheets
            var plan = cells.GetValueOrDefault(FranColumns.Plan) ?? string.Create(CultureInfo.InvariantCulture, $"row {r}");
            rows.Add(new FranPlanRow(plan, cells));
        }
        return rows;
    }

    /// <summary>
    /// Writes the rows under a header. Column order: <paramref name="columns"/> if given, else FRAN's
    /// known columns that any row uses (in FRAN's order, "plan" first), then the others by first use.
    /// </summary>
    public static void Write(Stream output, IReadOnlyList<FranPlanRow> rows, IReadOnlyList<string>? columns = null, string sheetName = DefaultSheet)
    {
        columns ??= DefaultColumns(rows);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var c = 0; c < columns.Count; c++)
            SetText(sheet.Cell(1, c + 1), columns[c]);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var text = rows[r].Cells.GetValueOrDefault(columns[c]);
                if (text is not null)
                    SetText(sheet.Cell(r + 2, c + 1), text);
            }
        }
        workbook.SaveAs(output);
    }

    private static IXLWorksheet FindSheet(XLWorkbook workbook, string? sheetName)
    {
        if (sheetName is not null)
        {
            return workbook.Worksheets.TryGetWorksheet(sheetName, out var named)
                ? named
                : throw new FranPlanException("workbook", sheetName, "no such sheet");
        }
        return workbook.Worksheets.TryGetWorksheet(DefaultSheet, out var plans) ? plans : workbook.Worksheet(1);
    }

    private static List<string> DefaultColumns(IReadOnlyList<FranPlanRow> rows)
    {
        var used = rows.SelectMany(r => r.Cells.Keys).Distinct(StringComparer.Ordinal).ToList();
        var known = new[] { FranColumns.Plan }.Concat(FranColumns.All).Where(used.Contains);
        return known.Concat(used.Where(c => c != FranColumns.Plan && !FranColumns.All.Contains(c))).ToList();
    }

    private static void SetText(IXLCell cell, string text)
    {
        // Text type first, so ClosedXML does not turn "0.25" into a number or "=x" into a formula.
        cell.DataType = XLDataType.Text;
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    private static string? CellText(IXLCell cell)
    {
        if (cell.IsEmpty())
            return null;
        var text = cell.DataType switch
        {
            XLDataType.Number => cell.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            XLDataType.Boolean => cell.GetBoolean() ? "True" : "False",
            XLDataType.DateTime => cell.GetDateTime().ToString("o", CultureInfo.InvariantCulture),
            _ => cell.GetString(),
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
