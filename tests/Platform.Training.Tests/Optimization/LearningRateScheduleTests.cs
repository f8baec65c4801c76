using Platform.Training.Optimization;

namespace Platform.Training.Tests.Optimization;

public sealed class LearningRateScheduleTests
{
    [Fact]
    public void PolyDecaysWithTheEpochAndIgnoresTheIteration()
    {
        var schedule = new PolyLearningRate(1e-2, 1000);

        Assert.Equal(1e-2, schedule.At(0, 0), 15);
        Assert.Equal(1e-2 * Math.Pow(0.5, 0.9), schedule.At(500, 0), 15);
        Assert.Equal(schedule.At(500, 0), schedule.At(500, 249));
        Assert.Equal(1e-2 * Math.Pow(0.001, 0.9), schedule.At(999, 0), 15);
    }

    [Fact]
    public void PolyAfterAWarmupRisesPerIterationThenDecaysOverTheRemainingEpochs()
    {
        // 10 epochs × 4 iterations, 2 warm-up epochs: 8 rising steps, then poly over epochs 2..9 as if they were 0..7 of 8.
        var schedule = new PolyLearningRate(1e-2, 10, warmupEpochs: 2, iterationsPerEpoch: 4);

        Assert.Equal(1e-2 / 8, schedule.At(0, 0), 15);
        Assert.Equal(1e-2, schedule.At(1, 3), 15);
        Assert.Equal(1e-2, schedule.At(2, 0), 15);
        Assert.Equal(1e-2 * Math.Pow(0.5, 0.9), schedule.At(6, 2), 15);
    }

    [Fact]
    public void WarmupRisesLinearlyPerIterationThenCosineFallsToTheMinimum()
    {
        // 10 epochs × 4 iterations, 2 warm-up epochs = 8 warm-up steps, then 32 cosine steps.
        var schedule = new WarmupCosineLearningRate(peak: 1e-3, minimum: 1e-5, epochs: 10, iterationsPerEpoch: 4, warmupEpochs: 2);

        Assert.Equal(1e-3 / 8, schedule.At(0, 0), 15);
        Assert.Equal(1e-3 * 5 / 8, schedule.At(1, 0), 15);
        Assert.Equal(1e-3, schedule.At(1, 3), 15);
        Assert.Equal(1e-3, schedule.At(2, 0), 15); // cosine at progress 0
        Assert.Equal(1e-5 + 0.5 * (1e-3 - 1e-5), schedule.At(6, 0), 15); // progress 16/32
        Assert.Equal(1e-5 + 0.5 * (1e-3 - 1e-5) * (1 + Math.Cos(Math.PI * 31 / 32)), schedule.At(9, 3), 15);
    }
}
