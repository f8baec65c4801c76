using System.Globalization;
using System.Text;

namespace Platform.WebUI.Components.Results;

/// <summary>
/// A per-case table as CSV (RFC 4180, invariant culture, full precision): one line per row in the order shown,
/// NaN written as NaN and a case not scored as an empty field, so spreadsheets and pandas read it unchanged.
/// </summary>
public static class CaseScoreCsv
{
    public static string Write(IReadOnlyList<ScoreColumn> columns, IEnumerable<CaseScoreRow> rows, bool withFold)
    {
        var csv = new StringBuilder();
        Line(csv, ["case", .. withFold ? ["fold"] : Array.Empty<string>(), .. columns.Select(c => c.CsvHeader ?? c.Header)]);
        foreach (var row in rows)
        {
            Line(csv,
            [
                row.CaseId,
                .. withFold ? [row.Fold?.ToString(CultureInfo.InvariantCulture) ?? ""] : Array.Empty<string>(),
                .. columns.Select(c => row.Cells.TryGetValue(c.Key, out var cell) ? cell.Value.ToString("R", CultureInfo.InvariantCulture) : ""),
            ]);
        }

        return csv.ToString();
    }

    private static void Line(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(',', fields.Select(Quote))).Append("\r\n");

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
