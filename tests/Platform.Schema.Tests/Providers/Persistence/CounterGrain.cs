namespace Platform.Schema.Tests.Providers.Persistence;

/// <summary>The counter, with a state name of its own ("counter"): the state name, not the class, names the row.</summary>
public sealed class CounterGrain([PersistentState("counter", SiloFixture.Storage)] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    public async Task<int> IncrementAsync()
    {
        counter.State.Count++;
        await counter.WriteStateAsync();
        return counter.State.Count;
    }

    public Task ClearAsync() => counter.ClearStateAsync();
}
