namespace Platform.Plans;

/// <summary>
/// A plan (or a name) that cannot be used as given; <see cref="Field"/> is the field's path as the editor names it
/// ("network.patchSize"). Silos turn it into the platform's validation error at the grain-call boundary
/// (<c>PlanFieldErrorFilter</c>), so callers see one kind of field error wherever the plan was read.
/// </summary>
public sealed class PlanFieldException(string field, string message) : ArgumentException(message)
{
    public string Field { get; } = field;
}
