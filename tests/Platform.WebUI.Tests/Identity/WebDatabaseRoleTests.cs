using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.LocalHosting.Postgres;
using Platform.Schema;
using Platform.Testing;
using Platform.WebUI.Identity;
using Xunit;

namespace Platform.WebUI.Tests.Identity;

/// <summary>
/// The WebUI's database login (member of platform_web, migration 0015), as the AppHost creates it, against the real
/// PostgreSQL: someone holding the web tier's connection string reads and writes the sign-in accounts and nothing
/// else. Every other table of the schema (grain state, membership, reminders, every lab's rows) refuses it, so a table
/// added later without a grant is refused too; and the WebUI's account store works with it.
/// </summary>
public sealed class WebDatabaseRoleTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private const string WebRole = DatabaseSetup.WebLoginRole;
    private const string InsufficientPrivilege = "42501";
    private string _webConnectionString = "";

    public async Task InitializeAsync() =>
        _webConnectionString = await DatabaseSetup.EnsureLoginRoleAsync(database.ConnectionString, WebRole, DatabaseSetup.WebGroupRole, LocalPostgresServer.NewPassword());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_web_role_is_refused_every_table_but_the_accounts()
    {
        var tables = await TablesAsync();
        Assert.Contains("orleans_storage", tables);
        Assert.Contains("datasource_case", tables);
        Assert.Contains("run_case_score", tables);

        var readable = new List<string>();
        await using var connection = new NpgsqlConnection(_webConnectionString);
        await connection.OpenAsync();
        foreach (var table in tables.Where(t => t != "web_account"))
        {
            if (await SqlStateAsync(connection, $"SELECT * FROM {table} LIMIT 1") != InsufficientPrivilege)
                readable.Add(table);
        }

        Assert.Empty(readable);
        Assert.Null(await SqlStateAsync(connection, "SELECT count(*) FROM web_account"));
        // Nor can it make itself a place to keep anything.
        Assert.Equal(InsufficientPrivilege, await SqlStateAsync(connection, "CREATE TABLE web_scratch (id int)"));
    }

    [Fact]
    public async Task The_account_store_works_as_the_web_role()
    {
        await using var services = new ServiceCollection().AddLogging().AddLocalAccountStore(_webConnectionString).BuildServiceProvider();
        var accounts = services.CreateScope().ServiceProvider.GetRequiredService<UserManager<WebAccount>>();
        var name = $"web-{Guid.NewGuid():N}"[..12];

        Assert.True((await accounts.CreateAsync(new WebAccount { Id = name, UserName = name }, "correct horse battery")).Succeeded);
        var account = await accounts.FindByNameAsync(name);
        Assert.NotNull(account);
        Assert.True((await accounts.ChangePasswordAsync(account, "correct horse battery", "another horse battery")).Succeeded);
        Assert.True(await accounts.CheckPasswordAsync((await accounts.FindByIdAsync(name))!, "another horse battery"));
        Assert.True((await accounts.DeleteAsync(account)).Succeeded);
        Assert.Null(await accounts.FindByIdAsync(name));
    }

    /// <summary>Every table of the schema, read as the owner.</summary>
    private async Task<List<string>> TablesAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
            tables.Add(reader.GetString(0));
        return tables;
    }

    /// <summary>The SQL state PostgreSQL refused the statement with, or null when it ran.</summary>
    private static async Task<string?> SqlStateAsync(NpgsqlConnection connection, string sql)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException e)
        {
            return e.SqlState;
        }
    }
}
