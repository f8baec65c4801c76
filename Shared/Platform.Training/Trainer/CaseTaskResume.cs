using Platform.Plans.Tasks;
using Platform.Training.Networks;

namespace Platform.Training.Trainer;

/// <summary>
/// Where a case-level training keeps its latest state (weights, optimiser, position, epoch losses, torch's random state)
/// at the end of every epoch, so a paused or lost run continues after its last whole epoch, as a segmentation run does
/// from its checkpoint. <paramref name="SkipBatches"/> replays the case order up to the resumed position: the order is a
/// pure function of the seed, so the resumed run draws the same batches an uninterrupted one would.
/// </summary>
/// <param name="Path">The latest checkpoint (read when it exists, replaced after each epoch).</param>
/// <param name="Description">The network's description, checked against the checkpoint's.</param>
/// <param name="Task">The run's task, checked against the checkpoint's.</param>
/// <param name="Head">The network's head (null for pretraining), checked against the checkpoint's.</param>
/// <param name="SkipBatches">Draws (and drops) this many batches of the case order.</param>
public sealed record CaseTaskResume(string Path, NetworkDescription Description, TaskKind Task, ClassificationRegressionHead? Head, Action<long> SkipBatches);
