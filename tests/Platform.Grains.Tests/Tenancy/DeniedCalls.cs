using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Grains.Tenancy;

namespace Platform.Grains.Tests.Tenancy;

/// <summary>
/// The silo's own record of the calls its tenancy filter refused (its "Denied {Call}: {Reason}" warnings), for tests
/// whose caller never sees the refusal: a client that forged its sending grain id gets no response at all.
/// </summary>
public sealed class DeniedCalls : ILoggerProvider
{
    private static readonly string FilterCategory = typeof(TenancyCallFilter).FullName!;
    private readonly ConcurrentQueue<string> _messages = new();

    /// <summary>How many refusals are recorded so far: a test reads <see cref="Since"/> this mark after its own calls.</summary>
    public int Mark => _messages.Count;

    public IReadOnlyList<string> Since(int mark) => _messages.Skip(mark).ToList();

    /// <summary>Whether a refusal after <paramref name="mark"/> names <c>interface.method</c> (the interface by its short name) and this reason.</summary>
    public bool Contains(int mark, string interfaceName, string method, string reason) =>
        Since(mark).Any(m => m.Contains($"{interfaceName}.{method}: ", StringComparison.Ordinal) && m.Contains(reason, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => categoryName == FilterCategory ? new Recorder(_messages) : NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                messages.Enqueue(formatter(state, exception));
        }
    }
}
