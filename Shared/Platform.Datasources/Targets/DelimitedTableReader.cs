using CsvHelper;

namespace Platform.Datasources.Targets;

/// <summary>Reads CSV (comma) and TSV (tab) tables, RFC 4180 quoting included, through CsvHelper.</summary>
public static class DelimitedTableReader
{
    public static TableRows Read(Stream content, char separator)
    {
        // The separator is the extension's, never guessed: a guess could split "a;b" cells of a CSV.
        var options = CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = false,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        IReadOnlyList<string>? header = null;
        var rows = new List<TableRow>();
        using var csv = CsvReader.Create(content, options, leaveOpen: true);
        try
        {
            while (csv.Read())
            {
                var cells = csv.Current.ToArray();
                if (cells.All(string.IsNullOrWhiteSpace))
                    continue;
                if (header is null)
                    header = cells;
                else
                    rows.Add(new TableRow(checked((int)csv.LineNumber), cells));
            }
        }
        catch (CsvFormatException e)
        {
            throw new TableReadException($"The table cannot be read as {(separator == '\t' ? "TSV" : "CSV")} (line {e.LineNumber}): {e.Message}", e);
        }

        return new TableRows(header ?? [], rows);
    }
}
