using Platform.Plans.Tasks;

namespace Platform.Grains.Abstractions.Results;

/// <summary>
/// The validation of a classification or regression run (or of a cross-validation, its folds pooled): every case's
/// prediction beside its target, and the figures over the cases that have a target. Figures that cannot be computed
/// (the AUROC of a class absent from the validation, R² of equal true values) are NaN.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Results.RunTargetResults")]
public sealed record RunTargetResults(
    [property: Id(0)] TaskKind Kind,
    [property: Id(1)] IReadOnlyList<string> ClassNames,
    [property: Id(2)] IReadOnlyList<CaseTargetResult> Cases,
    [property: Id(3)] ClassificationFigures? Classification,
    [property: Id(4)] RegressionFigures? Regression);

/// <summary>Accuracy, balanced accuracy, one-vs-rest AUROC, precision and recall per class (in the run's class order),
/// and the confusion matrix: rows the true class, columns the predicted one.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Results.ClassificationFigures")]
public sealed record ClassificationFigures(
    [property: Id(0)] int Cases,
    [property: Id(1)] double Accuracy,
    [property: Id(2)] double BalancedAccuracy,
    [property: Id(3)] IReadOnlyList<double> AurocPerClass,
    [property: Id(4)] IReadOnlyList<double> PrecisionPerClass,
    [property: Id(5)] IReadOnlyList<double> RecallPerClass,
    [property: Id(6)] IReadOnlyList<IReadOnlyList<long>> Confusion);

/// <summary>Mean absolute and squared error (in the table's units) and R² over the scored cases.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Results.RegressionFigures")]
public sealed record RegressionFigures(
    [property: Id(0)] int Cases,
    [property: Id(1)] double MeanAbsoluteError,
    [property: Id(2)] double MeanSquaredError,
    [property: Id(3)] double RSquared);
