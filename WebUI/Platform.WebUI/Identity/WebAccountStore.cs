using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Platform.WebUI.Identity;

/// <summary>
/// ASP.NET Core Identity's user store over the WebUI's own <c>web_account</c> table. Identity mutates the
/// account object through the setters below and then calls <see cref="UpdateAsync"/>, so only Create/Update/
/// Delete/Find touch the database.
/// </summary>
public sealed partial class WebAccountStore(NpgsqlDataSource database) :
    IUserPasswordStore<WebAccount>, IUserSecurityStampStore<WebAccount>, IUserLockoutStore<WebAccount>
{
    private const string Columns = "id, user_name, normalized_name, password_hash, security_stamp, lockout_end, access_failed_count, created_at";

    public async Task<IdentityResult> CreateAsync(WebAccount user, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "INSERT INTO web_account (id, user_name, normalized_name, password_hash, security_stamp, lockout_end, access_failed_count) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING created_at");
        AddValues(command, user);
        var createdAt = await command.ExecuteScalarAsync(cancellationToken);
        if (createdAt is not DateTime created)
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(user.UserName));
        user.CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc));
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(WebAccount user, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "UPDATE web_account SET user_name = $2, normalized_name = $3, password_hash = $4, security_stamp = $5, " +
            "lockout_end = $6, access_failed_count = $7 WHERE id = $1");
        AddValues(command, user);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "AccountMissing", Description = $"The account '{user.UserName}' no longer exists." });
    }

    public async Task<IdentityResult> DeleteAsync(WebAccount user, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM web_account WHERE id = $1");
        command.Parameters.AddWithValue(user.Id);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public Task<WebAccount?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        FindOneAsync($"SELECT {Columns} FROM web_account WHERE id = $1", userId, cancellationToken);

    public Task<WebAccount?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindOneAsync($"SELECT {Columns} FROM web_account WHERE normalized_name = $1", normalizedUserName, cancellationToken);

    /// <summary>Every account, by name (a deployment has tens to hundreds; the Accounts page shows them all).</summary>
    public async Task<IReadOnlyList<WebAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM web_account ORDER BY user_name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<WebAccount>();
        while (await reader.ReadAsync(cancellationToken))
            accounts.Add(Read(reader));
        return accounts;
    }

    private async Task<WebAccount?> FindOneAsync(string sql, string key, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue(key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static void AddValues(NpgsqlCommand command, WebAccount user)
    {
        command.Parameters.AddWithValue(user.Id);
        command.Parameters.AddWithValue(user.UserName);
        command.Parameters.AddWithValue(user.NormalizedUserName);
        command.Parameters.AddWithValue((object?)user.PasswordHash ?? DBNull.Value);
        command.Parameters.AddWithValue(user.SecurityStamp);
        command.Parameters.AddWithValue((object?)user.LockoutEnd?.UtcDateTime ?? DBNull.Value);
        command.Parameters.AddWithValue(user.AccessFailedCount);
    }

    private static WebAccount Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        UserName = reader.GetString(1),
        NormalizedUserName = reader.GetString(2),
        PasswordHash = reader.IsDBNull(3) ? null : reader.GetString(3),
        SecurityStamp = reader.GetString(4),
        LockoutEnd = reader.IsDBNull(5) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc)),
        AccessFailedCount = reader.GetInt32(6),
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(7), DateTimeKind.Utc)),
    };

    public void Dispose()
    {
        // The data source is a shared singleton; nothing per store to release.
    }
}
