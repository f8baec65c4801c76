using Platform.Plans.Tasks;
using Platform.Training.Trainer;

namespace Platform.Training.Workflow;

/// <summary>What a classification or regression fold produced: its training, every validation case's prediction
/// beside its target, and the final weights (absolute path).</summary>
public sealed record TargetFoldResult(TargetTrainingResult Training, IReadOnlyList<CaseTargetResult> Validation, string FinalCheckpoint)
{
    /// <summary>What a fine-tuning took from its starting point (null when it started fresh or resumed).</summary>
    public FineTuning.EncoderTransferReport? EncoderTransfer { get; init; }
}
