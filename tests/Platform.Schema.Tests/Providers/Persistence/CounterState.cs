namespace Platform.Schema.Tests.Providers.Persistence;

/// <summary>What <see cref="CounterGrain"/> stores.</summary>
public sealed class CounterState
{
    public int Count { get; set; }
}
