using System.Net;

namespace Platform.Schema.Tests.Providers.Clustering;

/// <summary>Membership entries for tests. Times carry sub-millisecond ticks on purpose: PostgreSQL keeps microseconds.</summary>
public static class Silos
{
    private static int _nextGeneration = 1000;

    public static readonly DateTime BaseTime = new DateTime(2025, 3, 30, 0, 59, 59, DateTimeKind.Utc).AddTicks(1_234_567); // just before Berlin's DST switch

    public static MembershipEntry Entry(SiloStatus status, int port, int proxyPort = 0, DateTime? startTime = null, DateTime? aliveTime = null) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), Interlocked.Increment(ref _nextGeneration)),
        Status = status,
        ProxyPort = proxyPort,
        HostName = "host-" + port,
        SiloName = "silo-" + port,
        RoleName = "role",
        StartTime = startTime ?? BaseTime,
        IAmAliveTime = aliveTime ?? BaseTime.AddSeconds(1),
        SuspectTimes = [],
    };

    /// <summary>PostgreSQL stores microseconds: what a tick value reads back as.</summary>
    public static DateTime Microseconds(DateTime time) => new(time.Ticks - time.Ticks % 10, time.Kind);
}
