using Platform.Training.Workflow;

namespace Platform.Training.FineTuning;

/// <summary>A fold turned into a fine-tuning: the one place both of its defaults are set, for every task.</summary>
public static class FineTuningRequests
{
    /// <summary>
    /// The fold starting from <paramref name="encoderCheckpoint"/>'s encoder (<see cref="EncoderTransfer"/>), training at
    /// <see cref="FineTuningOptimization"/>'s lower rate after a warm-up: the segmentation optimiser for a segmentation,
    /// the head's AdamW for a classification or regression.
    /// </summary>
    public static FoldTrainingRequest FineTuned(this FoldTrainingRequest request, string encoderCheckpoint)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(encoderCheckpoint);
        int epochs = request.Trainer.Epochs;
        return request with
        {
            EncoderCheckpoint = encoderCheckpoint,
            Trainer = request.Trainer with { Optimization = FineTuningOptimization.From(request.Trainer.Optimization, epochs) },
            TargetHead = request.TargetHead with { Optimization = FineTuningOptimization.From(request.TargetHead.Optimization, epochs) },
        };
    }
}
