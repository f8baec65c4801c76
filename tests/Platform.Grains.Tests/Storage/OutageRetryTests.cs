using System.Net.Sockets;
using Platform.Grains.Storage;
using Xunit;

namespace Platform.Grains.Tests.Storage;

public sealed class OutageRetryTests
{
    private static readonly SocketException Refused = new((int)SocketError.ConnectionRefused);

    [Fact]
    public async Task A_call_is_retried_through_an_outage_and_succeeds_once_the_database_answers()
    {
        var calls = 0;
        var waits = new List<TimeSpan>();

        var attempts = await OutageRetry.RunAsync(() => ++calls < 3 ? throw Refused : Task.CompletedTask,
            TimeSpan.FromMinutes(1), TimeProvider.System, (delay, _) => waits.Add(delay));

        Assert.Equal((3, 3), (attempts, calls));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], waits);
    }

    [Fact]
    public async Task Any_other_error_goes_to_the_caller_at_once()
    {
        var calls = 0;

        await Assert.ThrowsAsync<ArgumentException>(() => OutageRetry.RunAsync(() =>
        {
            calls++;
            throw new ArgumentException("a refusal, not an outage");
        }, TimeSpan.FromMinutes(1), TimeProvider.System, (_, _) => { }));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task An_outage_longer_than_the_tolerance_goes_to_the_caller()
    {
        var calls = 0;

        var error = await Assert.ThrowsAsync<SocketException>(() => OutageRetry.RunAsync(() =>
        {
            calls++;
            throw Refused;
        }, TimeSpan.FromMilliseconds(500), TimeProvider.System, (_, _) => { }));

        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
        Assert.Equal(2, calls); // the first try, one retry after 1 s, then past the tolerance
    }
}
