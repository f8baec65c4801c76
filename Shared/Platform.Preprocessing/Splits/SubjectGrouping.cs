using System.Text.RegularExpressions;

namespace Platform.Preprocessing.Splits;

/// <summary>Turns cases into units: one per case, or one per subject when grouping.</summary>
internal static class SubjectGrouping
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Units sorted by key (ordinal), so the result never depends on input order.</summary>
    public static List<SplitUnit> BuildUnits(IReadOnlyList<SplitCase> sortedCases, SplitRequest request)
    {
        if (!request.GroupBySubject)
        {
            return sortedCases
                .Select(c => new SplitUnit(c.CaseId, [c.CaseId], c.LabelsPresent.ToHashSet()))
                .ToList();
        }

        var pattern = CompilePattern(request.SubjectPattern);
        var problems = new List<string>();
        var bySubject = new SortedDictionary<string, List<SplitCase>>(StringComparer.Ordinal);
        foreach (var c in sortedCases)
        {
            var subject = SubjectOf(c, pattern);
            if (subject is null)
            {
                problems.Add($"case '{c.CaseId}': no subject id and the pattern '{request.SubjectPattern}' does not match");
                continue;
            }
            if (!bySubject.TryGetValue(subject, out var list))
                bySubject[subject] = list = [];
            list.Add(c);
        }
        if (problems.Count > 0)
            throw new SplitException(problems);

        return bySubject
            .Select(kv => new SplitUnit(
                kv.Key,
                kv.Value.Select(c => c.CaseId).ToList(),
                kv.Value.SelectMany(c => c.LabelsPresent).ToHashSet()))
            .ToList();
    }

    /// <summary>
    /// The subject of a case: its explicit subject id, else the pattern's group, else (with no
    /// pattern) the case itself. A pattern that does not match is an error, not a silent singleton,
    /// because a typo in the pattern would otherwise leak subjects across folds.
    /// </summary>
    private static string? SubjectOf(SplitCase c, Regex? pattern)
    {
        if (!string.IsNullOrEmpty(c.SubjectId))
            return c.SubjectId;
        if (pattern is null)
            return c.CaseId;
        var match = pattern.Match(c.CaseId);
        return match.Success && match.Groups[1].Success ? match.Groups[1].Value : null;
    }

    private static Regex? CompilePattern(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
            return null;
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new SplitException([$"subject pattern '{pattern}' is not a valid regular expression: {e.Message}"]);
        }
        // Group 0 is the whole match; exactly one more group must hold the subject.
        if (regex.GetGroupNumbers().Length != 2)
            throw new SplitException([$"subject pattern '{pattern}' must have exactly one capturing group"]);
        return regex;
    }
}
