namespace Platform.WebUI.Components.Results;

/// <summary>
/// A column of a per-case score table. <paramref name="Key"/> names it for sorting; <paramref name="CellTestId"/>
/// is the data-testid of its cells ("case-dice" for a label's Dice); <paramref name="Label"/> is the label it
/// shows, when it shows one label; a difference column is coloured by sign; a distance column (HD95, mm) is not
/// flagged when low, since low is good there.
/// </summary>
public sealed record ScoreColumn(string Key, string Header, string CellTestId, int? Label = null, bool IsDifference = false, bool IsDistance = false)
{
    /// <summary>The column's name in CSV exports (pandas-friendly: no spaces); the header when not set.</summary>
    public string? CsvHeader { get; init; }
}

/// <summary>One figure of a case: its value (NaN when undefined) and a line for its tooltip (IoU, voxel counts).</summary>
public sealed record ScoreCell(double Value, string? Detail = null);

/// <summary>
/// One case of a per-case table: which run scored it (for the viewer link), its fold where several folds are
/// pooled, and its cells by column key (a missing key = the case was not scored there).
/// </summary>
public sealed record CaseScoreRow(string CaseId, string? RunId, int? Fold, IReadOnlyDictionary<string, ScoreCell> Cells)
{
    public double ValueOf(string columnKey) => Cells.TryGetValue(columnKey, out var cell) ? cell.Value : double.NaN;
}

/// <summary>Sorting and filtering of per-case rows, kept out of the component so it can be tested on its own.</summary>
public static class CaseScoreOrder
{
    /// <summary>Sort key of the case id column; every other key is a <see cref="ScoreColumn.Key"/>.</summary>
    public const string CaseKey = "case";

    /// <summary>Sort key of the fold column of pooled tables.</summary>
    public const string FoldKey = "fold";

    /// <summary>
    /// Rows in the order asked for. Undefined values (NaN, not scored) go last in both directions: they are not
    /// the worst cases, and people sorting ascending are looking for those. Ties keep case id order.
    /// </summary>
    public static IReadOnlyList<CaseScoreRow> Sort(IEnumerable<CaseScoreRow> rows, string key, bool descending)
    {
        var byCase = rows.OrderBy(r => r.CaseId, StringComparer.Ordinal).ThenBy(r => r.Fold);
        return key switch
        {
            CaseKey => descending ? [.. rows.OrderByDescending(r => r.CaseId, StringComparer.Ordinal).ThenBy(r => r.Fold)] : [.. byCase],
            FoldKey => descending ? [.. byCase.OrderByDescending(r => r.Fold ?? -1)] : [.. byCase.OrderBy(r => r.Fold ?? int.MaxValue)],
            _ => descending
                ? [.. byCase.OrderBy(r => double.IsNaN(r.ValueOf(key))).ThenByDescending(r => r.ValueOf(key))]
                : [.. byCase.OrderBy(r => double.IsNaN(r.ValueOf(key))).ThenBy(r => r.ValueOf(key))],
        };
    }

    /// <summary>Rows whose case id contains <paramref name="text"/> (ignoring case); all rows for a blank filter.</summary>
    public static IEnumerable<CaseScoreRow> Filter(IEnumerable<CaseScoreRow> rows, string? text) =>
        string.IsNullOrWhiteSpace(text) ? rows : rows.Where(r => r.CaseId.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));
}
