namespace Platform.WebUI.Components.Runs;

/// <summary>
/// What the start form asks for: a plan version on a split, either one fold (<paramref name="Fold"/> null = all
/// cases) or, when <paramref name="CrossValidationName"/> is set, every fold of the split as one cross-validation.
/// <paramref name="Seed"/> null trains with the plan's seed.
/// </summary>
public sealed record NewRun(string Plan, int Version, string? Split, int? Fold, string? CrossValidationName, int? Seed, int Priority)
{
    public bool IsCrossValidation => CrossValidationName is not null;
}
