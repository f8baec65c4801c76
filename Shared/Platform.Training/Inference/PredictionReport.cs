namespace Platform.Training.Inference;

/// <summary>What became of one case: the written file, or the error that stopped it (the others went on).</summary>
public sealed record CasePrediction(string CaseId, string? OutputPath, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>The outcome of predicting a folder, case by case.</summary>
public sealed record PredictionReport(IReadOnlyList<CasePrediction> Cases)
{
    public IEnumerable<CasePrediction> Failed => Cases.Where(c => !c.Succeeded);
}
