using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Platform.Grains.Tenancy;

public static class TenancyServiceCollectionExtensions
{
    /// <summary>Registers the lab access store and caller verification; the silo adds <see cref="TenancyCallFilter"/> as its incoming call filter.</summary>
    public static IServiceCollection AddPlatformTenancy(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.Configure<IdentityOptions>(configuration.GetSection(IdentityOptions.Section));
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<LabAccessStore>();
        services.AddSingleton<CallerVerifier>();
        return services;
    }
}
