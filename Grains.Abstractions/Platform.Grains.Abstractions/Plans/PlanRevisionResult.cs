using Platform.Plans;

namespace Platform.Grains.Abstractions.Plans;

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Plans.PlanRevisionOutcome")]
public enum PlanRevisionOutcome { Saved = 0, Conflict = 1, Invalid = 2 }

/// <summary>
/// What happened to a save. <see cref="PlanRevisionOutcome.Conflict"/>: someone saved first; <see cref="Current"/>
/// is their version and <see cref="Refused"/> is yours, so nothing is lost and both can be shown side by side.
/// <see cref="PlanRevisionOutcome.Invalid"/>: <see cref="Errors"/> names the fields.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanRevisionResult")]
public sealed record PlanRevisionResult(
    [property: Id(0)] PlanRevisionOutcome Outcome,
    [property: Id(1)] PlanSnapshot? Current,
    [property: Id(2)] PlanSettings? Refused,
    [property: Id(3)] IReadOnlyList<PlanFieldError> Errors)
{
    public static PlanRevisionResult Saved(PlanSnapshot saved) => new(PlanRevisionOutcome.Saved, saved, null, []);
    public static PlanRevisionResult Conflict(PlanSnapshot? current, PlanSettings refused) => new(PlanRevisionOutcome.Conflict, current, refused, []);
    public static PlanRevisionResult Invalid(PlanSnapshot? current, IReadOnlyList<PlanFieldError> errors) => new(PlanRevisionOutcome.Invalid, current, null, errors);
}
