using Aspire.Hosting.Orleans;

namespace Platform.AppHost.Orleans;

/// <summary>
/// Orleans' ADO.NET providers on PostgreSQL for <c>Aspire.Hosting.Orleans</c>. Its own provider configuration names
/// the provider after the resource type and passes a <c>ServiceKey</c>, which the ADO.NET providers do not read; this
/// one gives them what they do read: <c>ProviderType</c> AdoNet, <c>Invariant</c> Npgsql and <c>ConnectionName</c>
/// (the connection string the reference puts under <c>ConnectionStrings:&lt;name&gt;</c>).
/// </summary>
public sealed class AdoNetProvider(IResourceBuilder<IResourceWithConnectionString> database) : IProviderConfiguration
{
    public void ConfigureResource<T>(IResourceBuilder<T> resourceBuilder, string configSectionPath) where T : IResourceWithEnvironment
    {
        var prefix = $"Orleans__{configSectionPath.Replace(":", "__", StringComparison.Ordinal)}";
        resourceBuilder
            .WithEnvironment($"{prefix}__ProviderType", "AdoNet")
            .WithEnvironment($"{prefix}__Invariant", "Npgsql")
            .WithEnvironment($"{prefix}__ConnectionName", database.Resource.Name)
            .WithReference(database);
    }
}
