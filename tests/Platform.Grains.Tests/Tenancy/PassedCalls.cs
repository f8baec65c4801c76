using System.Collections.Concurrent;

namespace Platform.Grains.Tests.Tenancy;

/// <summary>
/// An incoming call filter placed after the tenancy filter: it records each call to a grain that the tenancy filter
/// let through, as <c>ShortInterfaceName.Method</c> (reminder ticks as <c>IRemindable.ReceiveReminder</c>).
/// </summary>
public sealed class PassedCalls : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public bool Saw(string interfaceName, string method) => _calls.ContainsKey($"{interfaceName}.{method}");

    public bool Saw(string interfaceName, string method, GrainId target) => _calls.ContainsKey($"{interfaceName}.{method}@{target}");

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var call = $"{context.InterfaceMethod.DeclaringType?.Name}.{context.MethodName}";
        _calls.AddOrUpdate(call, 1, (_, n) => n + 1);
        _calls.AddOrUpdate($"{call}@{context.TargetId}", 1, (_, n) => n + 1);
        return context.Invoke();
    }
}
