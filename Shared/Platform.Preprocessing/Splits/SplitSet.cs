namespace Platform.Preprocessing.Splits;

/// <summary>One fold: the cases trained on and the cases validated on. Lists are sorted (ordinal).</summary>
public sealed record SplitFold(IReadOnlyList<string> Train, IReadOnlyList<string> Validation);

/// <summary>
/// A complete split: folds plus a test set excluded from every fold. A percentage split is one fold.
/// </summary>
public sealed record SplitSet(IReadOnlyList<SplitFold> Folds, IReadOnlyList<string> Test)
{
    /// <summary>The fold in which each case is validated (cases only trained on, or in test, are absent).</summary>
    public IReadOnlyDictionary<string, int> ValidationFoldByCase()
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var f = 0; f < Folds.Count; f++)
        {
            foreach (var id in Folds[f].Validation)
                result.TryAdd(id, f);
        }
        return result;
    }

    /// <summary>Value equality of the contents (records compare lists by reference).</summary>
    public bool SameAs(SplitSet other) =>
        Folds.Count == other.Folds.Count
        && Test.SequenceEqual(other.Test, StringComparer.Ordinal)
        && Folds.Zip(other.Folds).All(p =>
            p.First.Train.SequenceEqual(p.Second.Train, StringComparer.Ordinal)
            && p.First.Validation.SequenceEqual(p.Second.Validation, StringComparer.Ordinal));
}
