namespace Platform.Datasources.Targets;

/// <summary>One data row of a table as read: its number as a spreadsheet or editor shows it (the header is row 1) and its cells.</summary>
public sealed record TableRow(int Number, IReadOnlyList<string> Cells)
{
    /// <summary>The cell in <paramref name="column"/>, trimmed; empty where the row is shorter.</summary>
    public string Cell(int column) => column < Cells.Count ? Cells[column].Trim() : "";
}

/// <summary>A table as read from a file, before any meaning is given to its columns: the header row and the data rows, blank rows left out.</summary>
public sealed record TableRows(IReadOnlyList<string> Header, IReadOnlyList<TableRow> Rows);

/// <summary>A table file that cannot be read (unknown type, broken spreadsheet or CSV); the message says why, for people.</summary>
public sealed class TableReadException(string message, Exception? inner = null) : Exception(message, inner);
