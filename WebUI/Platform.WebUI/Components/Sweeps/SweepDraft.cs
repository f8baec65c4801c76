using Platform.Grains.Abstractions.Sweeps;

namespace Platform.WebUI.Components.Sweeps;

/// <summary>One row of the start form's parameter list. Choices are JSON values, one per line ("0.01", "[96,96,96]").</summary>
public sealed class SweepParameterDraft
{
    public string Path { get; set; } = "training.learningRate";
    public SweepParameterKind Kind { get; set; } = SweepParameterKind.LogUniform;
    public double Min { get; set; } = 1e-4;
    public double Max { get; set; } = 1e-1;
    public bool Integer { get; set; }
    public string Choices { get; set; } = "";

    public IReadOnlyList<string> ChoiceList() =>
        Choices.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The start form's fields, checked and turned into a <see cref="SweepRequest"/>; the grain checks the plan and split again.</summary>
public sealed class SweepDraft
{
    public string? BasePlan { get; set; }
    public int BasePlanVersion { get; set; } = 1;
    public string? SplitName { get; set; }
    /// <summary>The fold trials validate on (their metric needs validation cases); null trains on all cases.</summary>
    public int? Fold { get; set; } = 0;
    public int Seed { get; set; } = 12345;
    public int Trials { get; set; } = 12;
    public int MaxConcurrentTrials { get; set; } = 2;
    public int GracePeriodEpochs { get; set; } = 2;
    public int ReductionFactor { get; set; } = 3;
    public List<SweepParameterDraft> Parameters { get; } = [new()];

    /// <summary>What is wrong with the draft, each naming the field and what to do; empty when it can be sent.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(BasePlan))
            problems.Add("Choose the base plan whose settings every trial starts from.");
        if (BasePlanVersion < 1)
            problems.Add("The base plan version starts at 1.");
        if (Trials < 1)
            problems.Add("Run at least one trial.");
        if (MaxConcurrentTrials < 1)
            problems.Add("Allow at least one trial at a time.");
        if (GracePeriodEpochs < 1)
            problems.Add("The ASHA grace period is at least one epoch.");
        if (ReductionFactor < 2)
            problems.Add("The ASHA reduction factor is at least 2.");
        if (Fold is < 0)
            problems.Add("A fold is 0 or above; leave it empty to train on all cases.");
        if (Parameters.Count == 0)
            problems.Add("Add at least one parameter to search.");
        foreach (var (parameter, i) in Parameters.Select((p, i) => (p, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(parameter.Path))
                problems.Add($"Parameter {i}: name the plan field (for example training.learningRate).");
            if (parameter.Kind == SweepParameterKind.Choice && parameter.ChoiceList().Count == 0)
                problems.Add($"Parameter {i}: list the choices, one per line.");
            if (parameter.Kind != SweepParameterKind.Choice && !(parameter.Min < parameter.Max))
                problems.Add($"Parameter {i}: the minimum must be below the maximum.");
            if (parameter.Kind == SweepParameterKind.LogUniform && parameter.Min <= 0)
                problems.Add($"Parameter {i}: a log-uniform range must start above 0.");
        }

        return problems;
    }

    public SweepRequest ToRequest() => new(
        BasePlan!.Trim(), BasePlanVersion, Fold, string.IsNullOrEmpty(SplitName) ? null : SplitName,
        Seed,
        Parameters.Select(p => p.Kind switch
        {
            SweepParameterKind.Choice => SweepParameter.Choice(p.Path.Trim(), [.. p.ChoiceList()]),
            SweepParameterKind.LogUniform => SweepParameter.LogUniform(p.Path.Trim(), p.Min, p.Max),
            _ => SweepParameter.Uniform(p.Path.Trim(), p.Min, p.Max, p.Integer),
        }).ToList(),
        Trials, MaxConcurrentTrials, new AshaSettings(GracePeriodEpochs, ReductionFactor));
}
