using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;
using Platform.WebUI.Identity;
using Xunit;

namespace Platform.WebUI.Tests.Identity;

/// <summary>Identity's UserManager over the web_account table (migration 0009), with the platform's password and lockout rules.</summary>
public sealed class WebAccountStoreTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = new ServiceCollection().AddLogging().AddLocalAccountStore(database.ConnectionString).BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    /// <summary>A fresh scope, so every read goes to the database rather than to an object already in memory.</summary>
    private UserManager<WebAccount> Accounts() => _services.CreateScope().ServiceProvider.GetRequiredService<UserManager<WebAccount>>();

    private static WebAccount New(string name) => new() { Id = name, UserName = name };

    private static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task A_created_account_is_found_by_name_and_its_password_checks()
    {
        var name = UniqueName("carol");
        Assert.True((await Accounts().CreateAsync(New(name), "correct horse battery")).Succeeded);

        var accounts = Accounts();
        var found = await accounts.FindByNameAsync(name.ToUpperInvariant());

        Assert.NotNull(found);
        Assert.Equal(name, found.Id);
        Assert.NotEqual("correct horse battery", found.PasswordHash);
        Assert.True(await accounts.CheckPasswordAsync(found, "correct horse battery"));
        Assert.False(await accounts.CheckPasswordAsync(found, "wrong horse battery"));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes_and_the_lock_is_stored()
    {
        var name = UniqueName("dave");
        await Accounts().CreateAsync(New(name), "correct horse battery");

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var accounts = Accounts();
            var account = (await accounts.FindByNameAsync(name))!;
            await accounts.AccessFailedAsync(account);
            Assert.False(await accounts.IsLockedOutAsync(account), $"locked after only {attempt} failures");
        }

        var last = Accounts();
        await last.AccessFailedAsync((await last.FindByNameAsync(name))!);

        var reread = Accounts();
        var locked = (await reread.FindByNameAsync(name))!;
        Assert.True(await reread.IsLockedOutAsync(locked));
        Assert.InRange(locked.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
    }

    [Fact]
    public async Task A_second_account_with_the_same_name_is_refused()
    {
        var name = UniqueName("erin");
        await Accounts().CreateAsync(New(name), "correct horse battery");

        var again = await Accounts().CreateAsync(New(name), "another long password");

        Assert.False(again.Succeeded);
        Assert.Contains(again.Errors, e => e.Code == "DuplicateUserName");
    }

    [Theory]
    [InlineData("short")]
    [InlineData("123456789")]
    public async Task Passwords_under_ten_characters_are_refused(string password)
    {
        var result = await Accounts().CreateAsync(New(UniqueName("frank")), password);

        Assert.Contains(result.Errors, e => e.Code == "PasswordTooShort");
    }

    [Fact]
    public async Task Names_outside_the_user_id_alphabet_are_refused()
    {
        var result = await Accounts().CreateAsync(new WebAccount { Id = "x", UserName = "Has Spaces" }, "correct horse battery");

        Assert.Contains(result.Errors, e => e.Code == "InvalidUserName");
    }
}
