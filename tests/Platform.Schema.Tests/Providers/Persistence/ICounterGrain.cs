namespace Platform.Schema.Tests.Providers.Persistence;

/// <summary>A grain that keeps a count in ADO.NET storage: the end-to-end path from a grain call to a row.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task ClearAsync();
}
