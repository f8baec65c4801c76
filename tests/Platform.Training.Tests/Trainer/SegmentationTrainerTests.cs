using Platform.Imaging.Volumes;
using Platform.Training.Checkpoints;
using Platform.Training.Data;
using Platform.Training.Networks;
using Platform.Training.Tests.Support;
using Platform.Training.Trainer;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Trainer;

public sealed class SegmentationTrainerTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void EpochReportsCarryPolyLearningRateAndTheNnUNetMovingAverageOfPseudoDice()
    {
        var reports = new List<EpochReport>();
        using var network = TrainerHarness.Network();
        var outcome = TrainerHarness.Trainer(network, TrainerHarness.Options(epochs: 3, iterations: 2), folder.Path)
            .Run(epochProgress: new SynchronousProgress<EpochReport>(reports.Add));

        Assert.Equal(3, reports.Count);
        Assert.Equal(reports, outcome.History);
        for (int e = 0; e < 3; e++)
        {
            Assert.Equal(e, reports[e].Epoch);
            Assert.Equal(1e-2 * Math.Pow(1 - e / 3.0, 0.9), reports[e].LearningRate, 15);
            Assert.Equal(2, reports[e].PseudoDice.Count);
            Assert.True(double.IsFinite(reports[e].TrainLoss) && double.IsFinite(reports[e].ValidationLoss));
            double expectedEma = e == 0 ? reports[0].MeanPseudoDice : 0.9 * reports[e - 1].PseudoDiceEma + 0.1 * reports[e].MeanPseudoDice;
            Assert.Equal(expectedEma, reports[e].PseudoDiceEma, 12);
        }
        Assert.True(reports[0].IsBest);
        var best = reports.Last(r => r.IsBest);
        Assert.Equal(best.Epoch, outcome.BestEpoch);
        Assert.Equal(best.PseudoDiceEma, outcome.BestPseudoDiceEma);
        var bestState = CheckpointFile.ReadState(Path.Combine(folder.Path, CheckpointStore.BestFileName));
        Assert.Equal(best.Epoch + 1, bestState.Position.Epoch);
        Assert.Equal(TimeSpan.Zero, reports[^1].EstimatedRemaining);
    }

    /// <summary>Batches whose images are NaN: every gradient is NaN, so every step must be skipped.</summary>
    private sealed class PoisonedBatches(IBatchSource inner) : IBatchSource
    {
        public long NextIndex => inner.NextIndex;

        public TrainingBatch Take(CancellationToken cancellationToken = default)
        {
            var batch = inner.Take(cancellationToken);
            Array.Fill(batch.Images, float.NaN);
            return batch;
        }

        public void Dispose() => inner.Dispose();
    }

    [Fact]
    public void StepsWithNonFiniteGradientsAreSkippedCountedPerEpochAndLeaveTheWeightsIntact()
    {
        using var network = TrainerHarness.Network();
        var before = network.parameters().Select(p => p.detach().clone()).ToList();
        var clean = SyntheticBatchSource.Factory(TrainerHarness.Seed, 2, 1, TrainerHarness.Patch, 3);

        var outcome = new SegmentationTrainer(network, TrainerHarness.Options(epochs: 2, iterations: 3),
            start => new PoisonedBatches(clean(start)),
            SyntheticBatchSource.Factory(TrainerHarness.Seed + 1, 2, 1, TrainerHarness.Patch, 3),
            new CheckpointStore(folder.Path), CPU).Run();

        Assert.Equal([3, 3], outcome.History.Select(e => e.SkippedSteps));
        Assert.All(network.parameters().Zip(before), pair => Assert.True(pair.First.eq(pair.Second).all().item<bool>(), "a skipped step changed a weight"));
    }

    [Fact]
    public void EachLastCheckpointIsAnnouncedOnceItIsOnDiskWithTheEpochsItHolds()
    {
        var announced = new List<(int Epoch, string Path, bool OnDisk)>();
        var store = new CheckpointStore(folder.Path, (state, path) => announced.Add((state.Position.Epoch, path, File.Exists(path))));
        using var network = TrainerHarness.Network();

        new SegmentationTrainer(network, TrainerHarness.Options(epochs: 4, iterations: 2, new CheckpointPolicy(2, TimeSpan.FromDays(1))),
            SyntheticBatchSource.Factory(TrainerHarness.Seed, 2, 1, TrainerHarness.Patch, 3),
            SyntheticBatchSource.Factory(TrainerHarness.Seed + 1, 2, 1, TrainerHarness.Patch, 3), store, CPU).Run();

        Assert.Equal([(2, store.LastPath, true), (4, store.LastPath, true)], announced);
    }

    [Fact]
    public void LastCheckpointIsWrittenEveryNEpochsAndAtTheEnd()
    {
        var store = new CheckpointStore(folder.Path);
        var positionsSeen = new List<int?>();
        using var network = TrainerHarness.Network();
        TrainerHarness.Trainer(network, TrainerHarness.Options(epochs: 3, iterations: 1, new CheckpointPolicy(2, TimeSpan.FromDays(1))), folder.Path)
            .Run(epochProgress: new SynchronousProgress<EpochReport>(_ =>
                positionsSeen.Add(store.HasLast ? CheckpointFile.ReadState(store.LastPath).Position.Epoch : null)));

        // Epoch 0: none yet; epoch 1: every 2 epochs; epoch 2: the end of the run.
        Assert.Equal(new int?[] { null, 2, 3 }, positionsSeen);
    }

    [Fact]
    public void LastCheckpointIsWrittenMidEpochOnceTheIntervalHasPassed()
    {
        var clock = new ManualTimeProvider();
        var store = new CheckpointStore(folder.Path);
        TrainingPosition? seenAtIteration2 = null;
        using var network = TrainerHarness.Network();
        TrainerHarness.Trainer(network, TrainerHarness.Options(epochs: 1, iterations: 3, new CheckpointPolicy(100, TimeSpan.FromMinutes(10))), folder.Path, clock)
            .Run(iterationProgress: new SynchronousProgress<IterationReport>(r =>
            {
                if (r.Iteration == 0)
                    clock.Advance(TimeSpan.FromMinutes(11));
                if (r.Iteration == 2)
                    seenAtIteration2 = CheckpointFile.ReadState(store.LastPath).Position;
            }));

        Assert.Equal(new TrainingPosition(0, 1, 1), seenAtIteration2);
        Assert.Equal(new TrainingPosition(1, 0, 3), CheckpointFile.ReadState(store.LastPath).Position);
    }

    [Fact]
    public void CorruptLastCheckpointStopsTheRunInsteadOfStartingOver()
    {
        using (var network = TrainerHarness.Network())
            TrainerHarness.Trainer(network, TrainerHarness.Options(epochs: 1, iterations: 1), folder.Path).Run();
        var last = Path.Combine(folder.Path, CheckpointStore.LastFileName);
        File.WriteAllBytes(last, File.ReadAllBytes(last)[..1000]);

        using var again = TrainerHarness.Network();
        var error = Assert.Throws<CheckpointCorruptException>(() => TrainerHarness.Trainer(again, TrainerHarness.Options(epochs: 2, iterations: 1), folder.Path).Run());
        Assert.Contains(last, error.Message);
    }

    [Fact]
    public void ResumingWithAnotherRunLengthIsRefused()
    {
        using (var network = TrainerHarness.Network())
            TrainerHarness.Trainer(network, TrainerHarness.Options(epochs: 1, iterations: 1), folder.Path).Run();

        using var again = TrainerHarness.Network();
        var error = Assert.Throws<InvalidOperationException>(() => TrainerHarness.Trainer(again, TrainerHarness.Options(epochs: 2, iterations: 1), folder.Path).Run());
        Assert.Contains("1 epochs × 1 iterations", error.Message);
    }

    [Fact]
    public void CancelledRunWritesLastAndTheResumedRunReopensTheSourceAtItsIndex()
    {
        var openedAt = new List<long>();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        using var network = TrainerHarness.Network();
        Func<long, IBatchSource> recording = start =>
        {
            openedAt.Add(start);
            return new SyntheticBatchSource(TrainerHarness.Seed, start, 2, 1, TrainerHarness.Patch, 3);
        };
        var trainer = new SegmentationTrainer(network, TrainerHarness.Options(epochs: 2, iterations: 2), recording,
            SyntheticBatchSource.Factory(5, 2, 1, TrainerHarness.Patch, 3), new CheckpointStore(folder.Path), CPU);

        var paused = trainer.Run(cancellationToken: cancellation.Token);
        var finished = trainer.Run();

        Assert.False(paused.Completed);
        Assert.Equal(TrainingPosition.Start, paused.Position);
        Assert.True(File.Exists(Path.Combine(folder.Path, CheckpointStore.LastFileName)));
        Assert.True(finished.Completed);
        Assert.Equal(new TrainingPosition(2, 0, 4), finished.Position);
        Assert.Equal(new long[] { 0, 0 }, openedAt);
    }

    [Fact]
    public void StopAfterEpochFinishesTheEpochReportsItWritesLastHoldingItAndTheResumedRunContinuesFromTheNext()
    {
        var reports = new List<EpochReport>();
        var announced = new List<int>();
        using var stop = new CancellationTokenSource();
        using var network = TrainerHarness.Network();
        var trainer = new SegmentationTrainer(network, TrainerHarness.Options(epochs: 4, iterations: 3),
            SyntheticBatchSource.Factory(TrainerHarness.Seed, 2, 1, TrainerHarness.Patch, 3),
            SyntheticBatchSource.Factory(TrainerHarness.Seed + 1, 2, 1, TrainerHarness.Patch, 3),
            new CheckpointStore(folder.Path, (state, _) => announced.Add(state.Position.Epoch)), CPU);
        // Asked during epoch 1's second step: the rest of epoch 1 still trains (no checkpoint is due before epoch 100).
        var steps = new SynchronousProgress<IterationReport>(r =>
        {
            if (r is { Epoch: 1, Iteration: 1 })
                stop.Cancel();
        });

        var paused = trainer.Run(new SynchronousProgress<EpochReport>(reports.Add), steps, stopAfterEpoch: stop.Token);

        Assert.False(paused.Completed);
        Assert.Equal([0, 1], reports.Select(r => r.Epoch));
        Assert.Equal(new TrainingPosition(2, 0, 6), paused.Position);
        Assert.Equal([2], announced);
        var last = CheckpointFile.ReadState(Path.Combine(folder.Path, CheckpointStore.LastFileName));
        Assert.Equal(new TrainingPosition(2, 0, 6), last.Position);
        Assert.Equal([0, 1], last.History.Select(h => h.Epoch));

        var resumed = new List<EpochReport>();
        var finished = trainer.Run(new SynchronousProgress<EpochReport>(resumed.Add));
        Assert.True(finished.Completed);
        Assert.Equal([2, 3], resumed.Select(r => r.Epoch));
    }

    [Fact]
    public void StopAfterEpochDuringTheLastEpochCompletesTheRun()
    {
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        using var network = TrainerHarness.Network();

        var outcome = TrainerHarness.Trainer(network, TrainerHarness.Options(epochs: 1, iterations: 2), folder.Path).Run(stopAfterEpoch: stop.Token);

        Assert.True(outcome.Completed);
        Assert.Single(outcome.History);
    }

    [Fact]
    public void BatchSourceThatSkipsAnIndexIsReported()
    {
        using var network = TrainerHarness.Network();
        var trainer = new SegmentationTrainer(network, TrainerHarness.Options(epochs: 1, iterations: 2),
            start => new SkippingSource(start), SyntheticBatchSource.Factory(5, 2, 1, TrainerHarness.Patch, 3),
            new CheckpointStore(folder.Path), CPU);

        var error = Assert.Throws<InvalidOperationException>(() => trainer.Run());
        Assert.Contains("returned batch 2 where batch 1 was due", error.Message);
    }

    [Fact]
    public void TwoDimensionalNetworkTrainsOnPatchesOneVoxelDeep()
    {
        manual_seed(3);
        using var network = UNet.Create(TinyNetworks.TwoStage2D(classes: 2));
        var patch = new Shape3(8, 8, 1);
        var trainer = new SegmentationTrainer(network, TrainerHarness.Options(epochs: 1, iterations: 2),
            SyntheticBatchSource.Factory(1, 2, 1, patch, 2), SyntheticBatchSource.Factory(2, 2, 1, patch, 2),
            new CheckpointStore(folder.Path), CPU);

        var outcome = trainer.Run();

        Assert.True(outcome.Completed);
        Assert.Single(outcome.History[0].PseudoDice);
        Assert.True(double.IsFinite(outcome.History[0].TrainLoss));
    }

    /// <summary>Returns batch 0, then batch 2.</summary>
    private sealed class SkippingSource(long start) : IBatchSource
    {
        public long NextIndex { get; private set; } = start;

        public TrainingBatch Take(CancellationToken cancellationToken = default)
        {
            var batch = SyntheticBatchSource.Make(1, NextIndex, 2, 1, TrainerHarness.Patch, 3);
            NextIndex += 2;
            return batch;
        }

        public void Dispose()
        {
        }
    }
}
