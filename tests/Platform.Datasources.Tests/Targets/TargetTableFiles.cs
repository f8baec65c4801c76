using System.Text;
using ClosedXML.Excel;

namespace Platform.Datasources.Tests.Targets;

/// <summary>The same table written as CSV, TSV or .xlsx, from rows of cells (the first row is the header).</summary>
internal static class TargetTableFiles
{
    public static byte[] Csv(params string[][] rows) => Delimited(rows, ',');

    public static byte[] Tsv(params string[][] rows) => Delimited(rows, '\t');

    public static byte[] Xlsx(params string[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("targets");
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                // Numbers go in as numbers, as a spreadsheet holds them.
                if (double.TryParse(rows[r][c], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                    sheet.Cell(r + 1, c + 1).Value = number;
                else
                    sheet.Cell(r + 1, c + 1).Value = rows[r][c];
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static byte[] Delimited(string[][] rows, char separator) =>
        Encoding.UTF8.GetBytes(string.Join("\n", rows.Select(r => string.Join(separator, r.Select(c => c.Contains(separator, StringComparison.Ordinal) ? $"\"{c}\"" : c)))) + "\n");
}
