using Platform.Grains.Preprocessing;
using Platform.Plans;

namespace Platform.Grains.CrossValidation;

/// <summary>A completed fold: its run, work folder (validation predictions), final checkpoint and native-space scores.</summary>
public sealed record CompletedFold(int Fold, string RunId, string WorkFolder, string Checkpoint, IReadOnlyList<Abstractions.Results.CaseScore> Scores);

/// <summary>
/// Everything the evaluation needs, resolved to absolute paths: the folds, the plan version and the preprocessed data
/// they trained on (what the ensemble's model package records), the test cases and where results go.
/// </summary>
public sealed record CrossValidationInputs(
    IReadOnlyList<CompletedFold> Folds,
    PreprocessingDatasets.Dataset Dataset,
    string PreprocessedFolder,
    IReadOnlyList<string> TestCases,
    string ResultFolder,
    string RelativeResultFolder)
{
    public required string Project { get; init; }

    public required Abstractions.CrossValidation.CrossValidationRequest Request { get; init; }

    public required PlanSettings Plan { get; init; }

    /// <summary>The project's label names when the evaluation started (written into the ensemble's model package).</summary>
    public Abstractions.Projects.LabelNames LabelNames { get; init; } = Abstractions.Projects.LabelNames.None;
}
