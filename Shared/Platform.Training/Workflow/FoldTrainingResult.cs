using Platform.Training.Evaluation;
using Platform.Training.Postprocessing;
using Platform.Training.Trainer;

namespace Platform.Training.Workflow;

/// <summary>
/// What a fold produced. <see cref="Validation"/> and <see cref="Postprocessing"/> are null when the run stopped
/// before its last epoch (paused or cancelled): only a finished run is scored.
/// </summary>
public sealed record FoldTrainingResult(
    TrainingOutcome Training,
    EvaluationSummary? Validation,
    PostprocessingSelection? Postprocessing,
    string CheckpointFolder,
    string? ValidationFolder)
{
    /// <summary>What a fine-tuning took from its starting point (null when it started fresh or resumed).</summary>
    public FineTuning.EncoderTransferReport? EncoderTransfer { get; init; }
}
