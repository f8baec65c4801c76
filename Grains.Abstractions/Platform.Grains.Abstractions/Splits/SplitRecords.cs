namespace Platform.Grains.Abstractions.Splits;

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Splits.SplitStrategyKind")]
public enum SplitStrategyKind { KFold = 0, StratifiedKFold = 1, Percentage = 2 }

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Splits.SplitFileFormat")]
public enum SplitFileFormat { NnUnet = 0, Asparagus = 1 }

/// <summary>
/// How to split a project's cases. Reproducible: the same cases and spec give the same assignment.
/// <see cref="SubjectPattern"/> is a regular expression with one group that extracts the subject from a case id
/// (BIDS: <c>(sub-[A-Za-z0-9]+)</c>); all cases of a subject then stay together.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Splits.SplitSpec")]
public sealed record SplitSpec(
    [property: Id(0)] SplitStrategyKind Strategy = SplitStrategyKind.KFold,
    [property: Id(1)] int FoldCount = 5,
    [property: Id(2)] long Seed = 12345,
    [property: Id(3)] bool GroupBySubject = false,
    [property: Id(4)] string? SubjectPattern = null,
    [property: Id(5)] double TrainPercent = 75,
    [property: Id(6)] double ValidationPercent = 15,
    [property: Id(7)] double TestPercent = 10,
    [property: Id(8)] IReadOnlyList<string>? HoldoutCaseIds = null,
    [property: Id(9)] double HoldoutFraction = 0);

/// <summary>Counts of one fold, with how many validation cases contain each label (to judge balance).</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Splits.SplitFoldSummary")]
public sealed record SplitFoldSummary(
    [property: Id(0)] int Fold,
    [property: Id(1)] int Train,
    [property: Id(2)] int Validation,
    [property: Id(3)] IReadOnlyDictionary<int, int> ValidationCasesWithLabel);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Splits.SplitSummary")]
public sealed record SplitSummary(
    [property: Id(0)] string Name,
    [property: Id(1)] int Version,
    [property: Id(2)] SplitSpec? Spec,
    [property: Id(3)] int Cases,
    [property: Id(4)] int Test,
    [property: Id(5)] IReadOnlyList<SplitFoldSummary> Folds,
    [property: Id(6)] DateTimeOffset? SavedAt,
    [property: Id(7)] string? SavedBy,
    [property: Id(8)] string Origin);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Splits.SplitFoldCases")]
public sealed record SplitFoldCases(
    [property: Id(0)] int Fold,
    [property: Id(1)] IReadOnlyList<string> Train,
    [property: Id(2)] IReadOnlyList<string> Validation);
