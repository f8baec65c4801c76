using Platform.Plans.Tasks;
using Platform.Training.Networks;
using Platform.Training.Optimization;
using Platform.Training.Trainer;

namespace Platform.Training.Checkpoints;

/// <summary>
/// The non-tensor part of a checkpoint: what network and run it belongs to, where the run continues, the partial
/// epoch's loss sums, and the metric history. Weights, optimiser buffers and the torch random state travel beside
/// it in the same file (see <see cref="CheckpointFile"/>). The learning-rate schedule is a pure function of the
/// position, so the position is its state. <paramref name="Task"/> says which task's network the weights belong to
/// (a segmentation U-Net unless written otherwise, as every checkpoint before it was), and <paramref name="Head"/>
/// the pooled head of a classification or regression network; <see cref="CheckpointNetworks"/> rebuilds any of them.
/// </summary>
public sealed record CheckpointState(
    NetworkDescription Network,
    OptimizerKind Optimizer,
    int Epochs,
    int IterationsPerEpoch,
    TrainingPosition Position,
    double EpochLossSum,
    int EpochLossCount,
    double? PseudoDiceEma,
    double? BestPseudoDiceEma,
    int? BestEpoch,
    IReadOnlyList<EpochReport> History,
    DateTimeOffset WrittenAt,
    TaskKind Task = TaskKind.Segmentation,
    ClassificationRegressionHead? Head = null);
