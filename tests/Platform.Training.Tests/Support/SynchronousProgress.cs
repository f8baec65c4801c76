namespace Platform.Training.Tests.Support;

/// <summary>Calls back on the reporting thread (Progress&lt;T&gt; posts to a synchronisation context, which would
/// let a test observe reports late).</summary>
internal sealed class SynchronousProgress<T>(Action<T> onReport) : IProgress<T>
{
    public void Report(T value) => onReport(value);
}
