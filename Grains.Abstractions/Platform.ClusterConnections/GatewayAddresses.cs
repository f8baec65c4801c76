using System.Globalization;
using System.Net;

namespace Platform.ClusterConnections;

/// <summary>
/// Parses the gateway list a client is given (<c>host:port</c> entries separated by commas, e.g.
/// <c>10.0.0.5:30000,silo2.lab.example:30000</c>) into the endpoints Orleans' static clustering needs. Unlike Orleans'
/// configuration-based "Static" provider, which skips entries it cannot parse, a bad entry is an error that names it,
/// and host names are resolved (once, at start: a client that must follow moving gateways is restarted).
/// </summary>
public static class GatewayAddresses
{
    public static IReadOnlyList<IPEndPoint> Parse(string list)
    {
        var entries = list.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
            throw new FormatException("The gateway list is empty: give one or more host:port entries separated by commas.");
        return [.. entries.Select(ParseOne)];
    }

    private static IPEndPoint ParseOne(string entry)
    {
        if (IPEndPoint.TryParse(entry, out var endpoint) && endpoint.Port != 0)
            return endpoint;

        var colon = entry.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > IPEndPoint.MaxPort)
            throw new FormatException($"The gateway '{entry}' is not host:port (e.g. 127.0.0.1:30000).");

        var host = entry[..colon];
        IPAddress[] addresses;
        try
        {
            addresses = Dns.GetHostAddresses(host);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or ArgumentException)
        {
            throw new FormatException($"The gateway host '{host}' could not be resolved: {e.Message}", e);
        }

        // IPv4 first: silos advertise IPv4 addresses unless told otherwise.
        var address = addresses.OrderBy(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault()
            ?? throw new FormatException($"The gateway host '{host}' has no address.");
        return new IPEndPoint(address, port);
    }
}
