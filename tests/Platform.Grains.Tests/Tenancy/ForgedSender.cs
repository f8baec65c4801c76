using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Grains.Tests.Tenancy;

/// <summary>
/// Makes a raw Orleans client write another grain's id as the sending grain of every message it sends, as a client
/// built against the wire protocol could: the gateway passes the id on unchecked. Orleans offers no API for it, so
/// this reaches into the client runtime; if an Orleans upgrade renames what it uses, it throws (the test fails), it
/// never quietly stops forging. Replies go to the forged id, so the client never hears back: use a short timeout.
/// </summary>
public static class ForgedSender
{
    public static void Impersonate(IClusterClient client, GrainId sender)
    {
        var runtimeType = typeof(IClusterClient).Assembly.GetType("Orleans.OutsideRuntimeClient", throwOnError: false)
            ?? typeof(ClientBuilder).Assembly.GetType("Orleans.OutsideRuntimeClient", throwOnError: true)!;
        var runtime = client.ServiceProvider.GetRequiredService(runtimeType);
        var address = runtimeType.GetProperty("CurrentActivationAddress", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new MissingMemberException(runtimeType.FullName, "CurrentActivationAddress");
        var current = (GrainAddress)address.GetValue(runtime)!;
        address.SetValue(runtime, new GrainAddress { GrainId = sender, ActivationId = current.ActivationId, SiloAddress = current.SiloAddress });
    }
}
