namespace Platform.Grains.CrossValidation;

/// <summary>A completed fold: its run's work folder (validation predictions), final checkpoint and native-space scores.</summary>
public sealed record CompletedFold(int Fold, string WorkFolder, string Checkpoint, IReadOnlyList<Abstractions.Results.CaseScore> Scores);

/// <summary>Everything the evaluation needs, resolved to absolute paths; <paramref name="DatasetKey"/> names the folds' dataset.</summary>
public sealed record CrossValidationInputs(
    IReadOnlyList<CompletedFold> Folds,
    string DatasetKey,
    string PreprocessedFolder,
    IReadOnlyList<string> TestCases,
    Platform.Imaging.Volumes.Shape3 PatchSize,
    string ResultFolder,
    string RelativeResultFolder);
