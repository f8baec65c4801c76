namespace Platform.Preprocessing.Splits;

public enum SplitStrategy
{
    /// <summary>Shuffled, disjoint folds of balanced size.</summary>
    KFold,
    /// <summary>K-fold where every fold gets a proportional share of the cases containing each label.</summary>
    StratifiedKFold,
    /// <summary>One train/validation/test split by percentages (Asparagus' "--vals 75 15 10").</summary>
    Percentage,
}

/// <summary>Relative sizes; any positive scale works (75/15/10 or 0.75/0.15/0.1).</summary>
public sealed record PercentageSplit(double Train, double Validation, double Test);

/// <summary>
/// Cases kept out of every fold. Either explicit case ids or a fraction of the cases (chosen with the
/// split's seed); both may be given, the explicit ids are held out first.
/// </summary>
public sealed record TestHoldout(IReadOnlyList<string>? CaseIds = null, double Fraction = 0);

public sealed record SplitRequest
{
    public SplitStrategy Strategy { get; init; } = SplitStrategy.KFold;
    public int FoldCount { get; init; } = 5;
    public ulong Seed { get; init; } = 12345;

    /// <summary>Keep all cases of a subject in the same fold / subset.</summary>
    public bool GroupBySubject { get; init; }

    /// <summary>
    /// Regex with exactly one capturing group that extracts the subject from a case id when the case
    /// has no <see cref="SplitCase.SubjectId"/>, e.g. <c>(sub-[A-Za-z0-9]+)</c> for BIDS names.
    /// </summary>
    public string? SubjectPattern { get; init; }

    /// <summary>Required for <see cref="SplitStrategy.Percentage"/>.</summary>
    public PercentageSplit? Percentages { get; init; }

    public TestHoldout? Holdout { get; init; }
}
