using System.Globalization;
using ClosedXML.Excel;

namespace Platform.Datasources.Targets;

/// <summary>Reads the first worksheet of an .xlsx workbook: row numbers are the worksheet's, numbers are written invariantly.</summary>
public static class SpreadsheetTableReader
{
    public static TableRows Read(Stream content)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(content);
        }
        catch (Exception e) when (e is InvalidDataException or FileFormatException or ArgumentException or InvalidOperationException or IOException)
        {
            throw new TableReadException($"The file is not a readable .xlsx workbook: {e.Message}", e);
        }

        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault()
                ?? throw new TableReadException("The workbook has no worksheet.");
            var used = sheet.RangeUsed();
            if (used is null)
                return new TableRows([], []);
            var firstColumn = used.FirstColumn().ColumnNumber();
            var lastColumn = used.LastColumn().ColumnNumber();
            IReadOnlyList<string>? header = null;
            var rows = new List<TableRow>();
            foreach (var row in used.Rows())
            {
                var cells = Enumerable.Range(firstColumn, lastColumn - firstColumn + 1)
                    .Select(c => Text(sheet.Cell(row.RowNumber(), c)))
                    .ToList();
                if (cells.All(string.IsNullOrWhiteSpace))
                    continue;
                if (header is null)
                    header = cells;
                else
                    rows.Add(new TableRow(row.RowNumber(), cells));
            }

            return new TableRows(header ?? [], rows);
        }
    }

    /// <summary>A number as the invariant culture writes it back (round-trip), so "0.5" in a cell reads the same as in a CSV.</summary>
    private static string Text(IXLCell cell) => cell.Value switch
    {
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        DateTime date => date.ToString("O", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
    };
}
