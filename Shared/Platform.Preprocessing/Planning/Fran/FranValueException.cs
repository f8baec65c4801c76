namespace Platform.Preprocessing.Planning.Fran;

/// <summary>A cell's text is not valid FRAN syntax. <see cref="FranPlanRow"/> adds the plan and column.</summary>
public sealed class FranValueException(string message) : Exception(message);

/// <summary>A bad cell in a plan sheet, named by plan (row) and column.</summary>
public sealed class FranPlanException(string plan, string column, string problem)
    : Exception($"plan {plan}, column '{column}': {problem}")
{
    public string Plan { get; } = plan;
    public string Column { get; } = column;
    public string Problem { get; } = problem;
}
