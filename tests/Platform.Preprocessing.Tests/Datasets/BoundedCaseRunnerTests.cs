using Platform.Preprocessing.Datasets;

namespace Platform.Preprocessing.Tests.Datasets;

public sealed class BoundedCaseRunnerTests
{
    [Fact]
    public async Task Running_estimates_stay_within_the_budget_and_a_too_large_item_runs_alone()
    {
        long[] sizes = [40, 40, 40, 150, 30, 30, 60];
        long inUse = 0, peak = 0;
        int running = 0, peakRunning = 0;
        var aloneWhenLarge = true;
        var gate = new object();
        await BoundedCaseRunner.RunAsync(
            Enumerable.Range(0, sizes.Length),
            maxParallelism: 3,
            budget: 100,
            estimate: i => sizes[i],
            run: async i =>
            {
                lock (gate)
                {
                    inUse += sizes[i];
                    running++;
                    peakRunning = Math.Max(peakRunning, running);
                    if (sizes[i] <= 100)
                        peak = Math.Max(peak, inUse);
                    else if (running != 1)
                        aloneWhenLarge = false;
                }

                await Task.Delay(20);
                lock (gate)
                {
                    inUse -= sizes[i];
                    running--;
                }
            },
            CancellationToken.None);

        Assert.True(peak <= 100, $"peak {peak}");
        Assert.True(aloneWhenLarge);
        Assert.True(peakRunning <= 3);
        Assert.True(peakRunning >= 2); // the budget did allow parallel work
    }
}
