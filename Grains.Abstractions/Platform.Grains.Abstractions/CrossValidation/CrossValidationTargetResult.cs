using Platform.Grains.Abstractions.Results;

namespace Platform.Grains.Abstractions.CrossValidation;

/// <summary>
/// The cross-validation of a classification or regression project: every fold's validation predictions pooled (each
/// case predicted by the one fold that did not train on it) with the figures over them, each fold's own figures, and the
/// held-out test cases predicted by the folds' ensemble (mean class probabilities, or mean value); null without test cases.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.CrossValidation.CrossValidationTargetResult")]
public sealed record CrossValidationTargetResult(
    [property: Id(0)] RunTargetResults Validation,
    [property: Id(1)] IReadOnlyList<FoldTargetFigures> PerFold,
    [property: Id(2)] RunTargetResults? Test);

/// <summary>One fold's figures over its own validation cases (the classification or the regression ones).</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.CrossValidation.FoldTargetFigures")]
public sealed record FoldTargetFigures(
    [property: Id(0)] int Fold,
    [property: Id(1)] ClassificationFigures? Classification,
    [property: Id(2)] RegressionFigures? Regression);
