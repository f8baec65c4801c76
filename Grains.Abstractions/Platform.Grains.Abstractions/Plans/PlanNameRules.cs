using Platform.Plans;

namespace Platform.Grains.Abstractions.Plans;

/// <summary>Plan, split, sweep and cross-validation names in grain keys and requests: <see cref="PlanNames"/>' rule, refused as a field error.</summary>
public static class PlanNameRules
{
    public static string Require(string? name) => PlanNames.IsValid(name)
        ? name!
        : throw new PlatformValidationException("planName", PlanNames.Problem(name));
}
