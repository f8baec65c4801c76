using Platform.Plans;
using Platform.Training.Plans;

namespace Platform.Training.Workflow;

/// <summary>
/// The fold a plan asks for: network, trainer, patch, augmentation, oversampling, remapping_train and the validation's
/// sliding window, every one from <see cref="PlanInterpretation"/>. The training silos, the quality benchmark and the
/// tests build their folds here, so a fold means the same thing wherever it trains.
/// </summary>
public static class PlanFoldRequest
{
    /// <param name="plan">The plan version's document.</param>
    /// <param name="classes">Classes the network predicts (<see cref="PlanInterpretation.Classes"/> of the stored labels).</param>
    /// <param name="preprocessedFolder">The plan's preprocessed cases.</param>
    /// <param name="trainingCases">Cases the fold trains on.</param>
    /// <param name="validationCases">Cases it validates on (may be empty).</param>
    /// <param name="outputFolder">Checkpoints and validation results.</param>
    /// <param name="checkpointInterval">A checkpoint at least this often besides the plan's every-N-epochs.</param>
    /// <param name="threads">libtorch threads (null: libtorch's default).</param>
    /// <returns>The request, seeded with the plan's seed (a run with its own seed replaces it with <c>with</c>).</returns>
    /// <exception cref="PlanFieldException">A plan field the engine cannot use.</exception>
    public static FoldTrainingRequest For(
        PlanSettings plan,
        int classes,
        string preprocessedFolder,
        IReadOnlyList<string> trainingCases,
        IReadOnlyList<string> validationCases,
        string outputFolder,
        TimeSpan checkpointInterval,
        int? threads) => new()
    {
        PreprocessedFolder = preprocessedFolder,
        TrainingCases = trainingCases,
        ValidationCases = validationCases,
        OutputFolder = outputFolder,
        Network = PlanInterpretation.Network(plan, classes),
        Trainer = PlanInterpretation.Trainer(plan, checkpointInterval, threads),
        BatchSize = plan.Network.BatchSize,
        PatchSize = PlanInterpretation.Patch(plan),
        Seed = plan.Training.Seed,
        Augmentation = PlanInterpretation.Augmentation(plan),
        ForegroundOversampling = plan.Training.ForegroundOversampling,
        TrainRemapping = plan.Preprocessing.RemappingTrain?.Map,
        SlidingWindow = PlanInterpretation.SlidingWindow(plan),
    };
}
