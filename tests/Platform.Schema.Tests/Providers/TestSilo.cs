using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;

namespace Platform.Schema.Tests.Providers;

/// <summary>
/// Builds an in-process silo with in-memory (localhost) clustering and the ADO.NET providers a test asks for,
/// all with invariant "Npgsql" on one connection string.
/// </summary>
public static class TestSilo
{
    public const string Invariant = "Npgsql";

    public static IHost Build(string serviceId, Action<ISiloBuilder> addProviders) =>
        new HostBuilder()
            .UseOrleans(silo =>
            {
                // Free ports: other test processes on this machine may run silos of their own.
                silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort(), serviceId: serviceId, clusterId: "schema-tests");
                // The platform's serializer (DESIGN.md, key decision 1); the schema stores whatever bytes it produces.
                silo.UseSystemTextJsonGrainStorageSerializer();
                addProviders(silo);
            })
            .Build();

    public static ISiloBuilder AddStorage(this ISiloBuilder silo, string name, string connectionString, bool deleteStateOnClear = false) =>
        silo.AddAdoNetGrainStorage(name, options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
            options.DeleteStateOnClear = deleteStateOnClear;
        });

    public static ISiloBuilder AddReminders(this ISiloBuilder silo, string connectionString) =>
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
