namespace Platform.Plans.Tasks;

/// <summary>
/// What a classification or regression run predicted for one validation case, beside what its target table says:
/// the true and predicted class (an index into the run's class names) with one probability per class, or the true and
/// predicted value in the table's units. A true side is null when the case has no row in the table (it is predicted,
/// but not scored).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Plans.Tasks.CaseTargetResult")]
public sealed record CaseTargetResult(
    [property: Id(0)] string CaseId,
    [property: Id(1)] int? TrueClass,
    [property: Id(2)] int? PredictedClass,
    [property: Id(3)] IReadOnlyList<double> Probabilities,
    [property: Id(4)] double? TrueValue,
    [property: Id(5)] double? PredictedValue);
