using Platform.Training.Tests.Support;
using Platform.Training.Trainer;

namespace Platform.Training.Tests.Trainer;

public sealed class IterationProgressMeterTests
{
    private static IterationReport Step(int epoch, int iteration) => new(epoch, iteration, 0, 1, 0.01, 1);

    [Fact]
    public void Reports_at_most_once_per_interval_with_the_measured_speed_and_the_time_left()
    {
        var clock = new ManualTimeProvider();
        var reports = new List<IterationProgress>();
        var meter = new IterationProgressMeter(epochs: 3, iterationsPerEpoch: 10, validationBatches: 3, TimeSpan.FromSeconds(2), reports.Add, clock);

        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1)); // one step per second
            meter.Report(Step(0, i));
        }

        // Steps 1, 3, 5, 7, 9 (0-based 0, 2, 4, 6, 8): every 2 s.
        Assert.Equal([1, 3, 5, 7, 9], reports.Select(r => r.IterationsDone));
        var last = reports[^1];
        Assert.Equal(1.0, last.SecondsPerIteration, 6);
        Assert.Equal(10, last.IterationsPerEpoch);
        // 1 step and 3 validation batches at a third of a step left in this epoch, then 2 epochs of 10 + 1.
        Assert.Equal(1 + 1, last.EpochRemaining.TotalSeconds, 6);
        Assert.Equal(2 + 2 * 11, last.RunRemaining.TotalSeconds, 6);
    }

    [Fact]
    public void Validation_between_epochs_is_not_counted_as_a_step()
    {
        var clock = new ManualTimeProvider();
        var reports = new List<IterationProgress>();
        var meter = new IterationProgressMeter(2, 4, 0, TimeSpan.Zero, reports.Add, clock);
        for (var i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            meter.Report(Step(0, i));
        }

        clock.Advance(TimeSpan.FromSeconds(60)); // a long validation
        meter.Report(Step(1, 0));
        clock.Advance(TimeSpan.FromSeconds(2));
        meter.Report(Step(1, 1));

        Assert.Equal(2.0, reports[^2].SecondsPerIteration, 6);
        Assert.Equal((1, 1), (reports[^2].Epoch, reports[^2].IterationsDone));
        Assert.Equal(2.0, reports[^1].SecondsPerIteration, 6);
    }
}
