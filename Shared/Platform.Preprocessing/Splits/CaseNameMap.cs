namespace Platform.Preprocessing.Splits;

/// <summary>
/// The names a split file gives the project's cases (nnU-Net's identifiers) mapped to and from the platform's case
/// ids. Reading accepts either: a name that is no case's file name but is a case id (a file the platform exported
/// before it wrote identifiers) stays that case. What matches neither stays as written, so the validator names it.
/// </summary>
public sealed class CaseNameMap
{
    private readonly Dictionary<string, string> _nameOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _caseOf = new(StringComparer.Ordinal);

    /// <summary>Throws <see cref="SplitException"/> when one name would stand for two cases.</summary>
    public CaseNameMap(IEnumerable<(string CaseId, string Name)> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var problems = new List<string>();
        foreach (var (caseId, name) in cases)
        {
            _nameOf[caseId] = name;
            if (_caseOf.TryGetValue(name, out var other) && other != caseId)
                problems.Add($"'{name}' names both case '{other}' and case '{caseId}'; rename one of their files");
            else
                _caseOf[name] = caseId;
        }

        if (problems.Count > 0)
            throw new SplitException(problems);
    }

    /// <summary>Every case named by its own id (a project whose file names are its case ids).</summary>
    public static CaseNameMap Identity(IEnumerable<string> caseIds) => new(caseIds.Select(id => (id, id)));

    /// <summary>The cases the map knows.</summary>
    public IReadOnlyCollection<string> CaseIds => _nameOf.Keys;

    /// <summary>The case's name; a case the map does not know (no longer in the project) keeps its case id.</summary>
    public string NameOf(string caseId) => _nameOf.GetValueOrDefault(caseId, caseId);

    public string CaseIdOf(string name) =>
        _caseOf.TryGetValue(name, out var caseId) ? caseId : name;

    public SplitSet ToNames(SplitSet split) => Map(split, NameOf);

    public SplitSet ToCaseIds(SplitSet split) => Map(split, CaseIdOf);

    private static SplitSet Map(SplitSet split, Func<string, string> map) => new(
        split.Folds.Select(f => new SplitFold(f.Train.Select(map).ToList(), f.Validation.Select(map).ToList())).ToList(),
        split.Test.Select(map).ToList());
}
