namespace Platform.Training.Workflow;

/// <summary>Where a fold's data and results lie, and which stored cases train and validate (see <see cref="FoldTrainingRequest"/>).</summary>
public sealed record FoldCases(string PreprocessedFolder, IReadOnlyList<string> Training, IReadOnlyList<string> Validation, string OutputFolder);
