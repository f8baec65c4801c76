namespace Platform.ClusterConnections;

/// <summary>Applies <see cref="ClusterTls"/> to a client or a silo; a null setting leaves connections as they are (TLS off).</summary>
public static class ClusterConnectionExtensions
{
    /// <summary>Client to gateway.</summary>
    public static IClientBuilder UseClusterTls(this IClientBuilder client, ClusterTls? tls) =>
        tls is null ? client : client.UseTls(tls.Configure);

    /// <summary>Gateway (clients in) and silo to silo (both ways).</summary>
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, ClusterTls? tls) =>
        tls is null ? silo : silo.UseTls(tls.Configure);
}
