using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Platform.WebUI.Identity;

/// <summary>
/// Creates the first platform administrator's account when Platform:Identity:InitialAdmin:UserName and :Password
/// are set and no account of that name exists yet (the AppHost sets them; it keeps the password in
/// .data/admin.password). Never changes an existing account: a password changed later stays changed.
/// </summary>
public sealed partial class InitialAdminSeeder(IServiceProvider services, IConfiguration configuration, ILogger<InitialAdminSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var userName = configuration["Platform:Identity:InitialAdmin:UserName"];
        var password = configuration["Platform:Identity:InitialAdmin:Password"];
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password))
            return;

        using var scope = services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<WebAccount>>();
        try
        {
            if (await accounts.FindByNameAsync(userName) is not null)
                return;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new InvalidOperationException(
                "The web_account table is missing (schema migration 0009): start the platform with the AppHost, or start a silo first; either applies the schema.", e);
        }

        var result = await accounts.CreateAsync(new WebAccount { Id = userName, UserName = userName }, password);
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"The initial administrator account '{userName}' could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        LogSeeded(logger, userName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the initial administrator account '{UserName}'")]
    private static partial void LogSeeded(ILogger logger, string userName);
}
