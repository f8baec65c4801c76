using Platform.Training.Tests.Support;
using Platform.Training.Trainer;

namespace Platform.Training.Tests.Trainer;

/// <summary>
/// The must-have: on CPU with a fixed seed, 4 epochs × 3 iterations interrupted and resumed give exactly the loss
/// sequence of an uninterrupted run (bit for bit, not approximately). TorchSharp 0.107 marks
/// <c>torch.use_deterministic_algorithms</c> "not implemented"; on the CPU, one intra-op thread (the harness sets
/// <see cref="TrainerOptions.Threads"/> = 1) is what makes libtorch's reductions run in a fixed order.
/// </summary>
public sealed class ResumeIdentityTests : IDisposable
{
    private readonly TempFolder folder = new();
    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(2, 0)] // paused at an epoch boundary: after epoch 2 of 4
    [InlineData(2, 2)] // paused mid-epoch: before the third iteration of epoch 2
    public void InterruptedAndResumedRunRepeatsTheUninterruptedLossSequence(int stopEpoch, int stopIteration)
    {
        var uninterrupted = new List<IterationReport>();
        using (var network = TrainerHarness.Network())
        {
            var outcome = TrainerHarness.Trainer(network, TrainerHarness.Options(), folder.Sub("straight"))
                .Run(iterationProgress: new SynchronousProgress<IterationReport>(uninterrupted.Add));
            Assert.True(outcome.Completed);
        }

        var resumed = new List<IterationReport>();
        using var cancellation = new CancellationTokenSource();
        TrainingOutcome paused;
        using (var network = TrainerHarness.Network())
        {
            var progress = new SynchronousProgress<IterationReport>(r =>
            {
                resumed.Add(r);
                // The report of the iteration before the stop point: the next check of the token pauses.
                bool beforeStop = stopIteration == 0
                    ? r.Epoch == stopEpoch - 1 && r.Iteration == 2
                    : r.Epoch == stopEpoch && r.Iteration == stopIteration - 1;
                if (beforeStop)
                    cancellation.Cancel();
            });
            paused = TrainerHarness.Trainer(network, TrainerHarness.Options(), folder.Sub("interrupted"))
                .Run(iterationProgress: progress, cancellationToken: cancellation.Token);
        }
        // A fresh process would start from a differently initialised network: the checkpoint must overwrite it.
        using (var network = TrainerHarness.Network(initSeed: 777))
        {
            var outcome = TrainerHarness.Trainer(network, TrainerHarness.Options(), folder.Sub("interrupted"))
                .Run(iterationProgress: new SynchronousProgress<IterationReport>(resumed.Add));
            Assert.True(outcome.Completed);
            Assert.Equal(4, outcome.History.Count);
        }

        Assert.False(paused.Completed);
        Assert.Equal(new TrainingPosition(stopEpoch, stopIteration, stopEpoch * 3 + stopIteration), paused.Position);
        Assert.Equal(12, uninterrupted.Count);
        Assert.Equal(uninterrupted.Select(r => (r.Epoch, r.Iteration, r.BatchIndex)), resumed.Select(r => (r.Epoch, r.Iteration, r.BatchIndex)));
        Assert.Equal(uninterrupted.Select(r => r.Loss), resumed.Select(r => r.Loss));
        Assert.Equal(uninterrupted.Select(r => r.LearningRate), resumed.Select(r => r.LearningRate));
        // The run learns something, so the identity is not that of a stuck network.
        Assert.NotEqual(uninterrupted[0].Loss, uninterrupted[^1].Loss);
    }
}
