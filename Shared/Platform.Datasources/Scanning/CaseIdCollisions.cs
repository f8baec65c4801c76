namespace Platform.Datasources.Scanning;

/// <summary>How to rename colliding case ids. The caller (the project) chooses; nothing is renamed silently.</summary>
public enum CollisionResolution
{
    /// <summary>"{datasource}_{caseid}": readable and stable when datasources are added later. The default.</summary>
    PrefixDatasource,

    /// <summary>FRAN's helper: "{caseid}a", "{caseid}b", ... in datasource name order.</summary>
    LetterSuffix,
}

/// <summary>One case id used by several datasources, with a suggested unique id per datasource.</summary>
public sealed record CaseIdCollision(string CaseId, IReadOnlyList<string> Datasources, IReadOnlyDictionary<string, string> SuggestedIds);

/// <summary>
/// Finds case ids shared across a project's datasources (compared ignoring case, like within one datasource)
/// and suggests renames. Suggestions are deterministic (datasources in ordinal name order) and never clash
/// with another id in the project: a clash gets a numeric suffix until it is free.
/// </summary>
public static class CaseIdCollisions
{
    public static IReadOnlyList<CaseIdCollision> Find(
        IReadOnlyDictionary<string, IReadOnlyCollection<string>> caseIdsByDatasource,
        CollisionResolution resolution = CollisionResolution.PrefixDatasource)
    {
        ArgumentNullException.ThrowIfNull(caseIdsByDatasource);
        var taken = new HashSet<string>(caseIdsByDatasource.Values.SelectMany(ids => ids), StringComparer.OrdinalIgnoreCase);
        var owners = caseIdsByDatasource
            .SelectMany(kv => kv.Value.Distinct(StringComparer.OrdinalIgnoreCase).Select(id => (Datasource: kv.Key, CaseId: id)))
            .GroupBy(x => x.CaseId, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(x => x.Datasource).Distinct(StringComparer.Ordinal).Count() > 1)
            .OrderBy(g => g.Select(x => x.CaseId).Min(StringComparer.Ordinal), StringComparer.Ordinal);

        var collisions = new List<CaseIdCollision>();
        foreach (var group in owners)
        {
            var datasources = group.Select(x => x.Datasource).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var suggested = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < datasources.Count; i++)
            {
                var caseId = group.First(x => x.Datasource == datasources[i]).CaseId;
                var wanted = resolution == CollisionResolution.PrefixDatasource
                    ? $"{datasources[i]}_{caseId}"
                    : caseId + Letters(i);
                suggested[datasources[i]] = Free(wanted, taken);
            }

            // Spellings may differ in letter case; report the ordinal-first so the result does not depend on input order.
            collisions.Add(new CaseIdCollision(group.Select(x => x.CaseId).Min(StringComparer.Ordinal)!, datasources, suggested));
        }

        return collisions;
    }

    /// <summary>a, b, ..., z, aa, ab, ... (bijective base 26), so any number of datasources gets a suffix.</summary>
    public static string Letters(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('a' + ((n - 1) % 26)) + letters;
        return letters;
    }

    private static string Free(string wanted, HashSet<string> taken)
    {
        var candidate = wanted;
        for (var n = 2; taken.Contains(candidate); n++)
            candidate = $"{wanted}{n}";
        taken.Add(candidate);
        return candidate;
    }
}
