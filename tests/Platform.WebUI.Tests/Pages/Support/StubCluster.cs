using System.Reflection;

namespace Platform.WebUI.Tests.Pages.Support;

/// <summary>
/// A cluster client for page tests that answers <c>GetGrain&lt;T&gt;(key)</c> with stubs registered per interface and key, so
/// pages can be rendered against canned grain answers. Any other call fails the test.
/// </summary>
public class StubCluster : DispatchProxy
{
    private readonly Dictionary<(Type, string), object> _grains = [];

    public static (IClusterClient Client, StubCluster Stubs) Create()
    {
        var client = Create<IClusterClient, StubCluster>();
        return (client, (StubCluster)(object)client);
    }

    public StubCluster Add<TGrain>(string key, Action<GrainStub> answers) where TGrain : class
    {
        var grain = DispatchProxy.Create<TGrain, GrainStub>();
        answers((GrainStub)(object)grain);
        _grains[(typeof(TGrain), key)] = grain;
        return this;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        if (method is { Name: "GetGrain", IsGenericMethod: true } && args is [string key, ..])
        {
            var type = method.GetGenericArguments()[0];
            return _grains.TryGetValue((type, key), out var grain) ? grain : throw new InvalidOperationException($"No {type.Name} '{key}' in the stub cluster.");
        }

        throw new NotSupportedException($"The stub cluster does not answer {method?.Name}.");
    }
}

/// <summary>A grain whose methods answer from a table by method name; calls are counted.</summary>
public class GrainStub : DispatchProxy
{
    private readonly Dictionary<string, Func<object?[]?, object?>> _answers = [];

    public List<string> Calls { get; } = [];

    public GrainStub Answer<T>(string method, T result)
    {
        _answers[method] = _ => Task.FromResult(result);
        return this;
    }

    /// <summary>Answers from the call's single argument (a page asked for, say).</summary>
    public GrainStub Answer<TArgument, T>(string method, Func<TArgument, T> result)
    {
        _answers[method] = args => Task.FromResult(result((TArgument)args![0]!));
        return this;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        Calls.Add(method!.Name);
        return _answers.TryGetValue(method.Name, out var answer) ? answer(args) : throw new NotSupportedException($"The stub does not answer {method.Name}.");
    }
}
