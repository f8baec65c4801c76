using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>Ports the OS reports free on loopback, so parallel tests and a running platform never collide.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
