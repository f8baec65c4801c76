namespace Platform.Preprocessing.Planning.Fran;

/// <summary>
/// One plan of a FRAN plan sheet: column name → cell text (null when empty). <see cref="Plan"/>
/// names the plan in errors: the "plan" column's value if present, else "row N" (sheet row).
/// Typed accessors parse FRAN's syntaxes and report bad cells by plan and column.
/// </summary>
public sealed record FranPlanRow(string Plan, IReadOnlyDictionary<string, string?> Cells)
{
    public string? Text(string column) => Cells.TryGetValue(column, out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    public IReadOnlyList<double>? Spacing(string column = FranColumns.Spacing) => Parse(column, FranValues.ParseSpacing);

    public IReadOnlyDictionary<int, int>? Remapping(string column) => Parse(column, FranValues.ParseRemapping);

    public bool? Boolean(string column) => Parse(column, FranValues.ParseBoolean);

    public double? Number(string column) => Parse(column, FranValues.ParseNumber);

    public int? Integer(string column) => Parse(column, FranValues.ParseInteger);

    /// <summary>Value equality of the cells (records compare dictionaries by reference).</summary>
    public bool SameCellsAs(FranPlanRow other) =>
        Cells.Where(kv => kv.Value is not null).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .SequenceEqual(other.Cells.Where(kv => kv.Value is not null).OrderBy(kv => kv.Key, StringComparer.Ordinal));

    private T Parse<T>(string column, Func<string?, T> parse)
    {
        try
        {
            return parse(Text(column));
        }
        catch (FranValueException e)
        {
            throw new FranPlanException(Plan, column, e.Message);
        }
    }
}
