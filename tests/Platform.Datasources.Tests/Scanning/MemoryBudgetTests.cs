using Platform.Datasources.Scanning;

namespace Platform.Datasources.Tests.Scanning;

public sealed class MemoryBudgetTests
{
    [Theory]
    [InlineData(60, 1)]  // more than half the budget: strictly one at a time
    [InlineData(30, 3)]
    [InlineData(250, 1)] // bigger than the budget: admitted alone
    public async Task Acquire_keeps_work_in_flight_within_the_budget(long bytes, int expectedMaxConcurrent)
    {
        var budget = new MemoryBudget(100);
        var running = 0;
        var maxRunning = 0;

        await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using (await budget.AcquireAsync(bytes))
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref maxRunning, now);
                await Task.Delay(5);
                Interlocked.Decrement(ref running);
            }
        }));

        Assert.Equal(expectedMaxConcurrent, maxRunning);
        Assert.Equal(bytes * expectedMaxConcurrent, budget.Peak);
        Assert.Equal(0, budget.InFlight);
    }

    [Fact]
    public async Task Acquire_cancelled_while_waiting_throws_and_leaves_the_budget_usable()
    {
        var budget = new MemoryBudget(100);
        var held = await budget.AcquireAsync(80);
        using var cancellation = new CancellationTokenSource();
        var waiting = budget.AcquireAsync(50, cancellation.Token);

        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        using (await budget.AcquireAsync(100))
            Assert.Equal(100, budget.InFlight);
    }

    [Fact]
    public async Task Acquire_serves_waiters_first_come_first_served()
    {
        var budget = new MemoryBudget(100);
        var held = await budget.AcquireAsync(60);
        var big = budget.AcquireAsync(90);   // waits for everything to drain
        var small = budget.AcquireAsync(20); // would fit now, but must not overtake the big one

        Assert.False(small.IsCompleted);
        held.Dispose();
        (await big).Dispose();
        (await small).Dispose();
        Assert.Equal(90, budget.Peak);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
