using Npgsql;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Tenancy;

/// <summary>Members and service keys of labs, in the lab_member and lab_api_key tables (migration 0004).</summary>
public sealed class LabAccessStore(NpgsqlDataSource database)
{
    public async Task<LabRole> GetRoleAsync(string labId, string principalId)
    {
        await using var command = database.CreateCommand("SELECT role FROM lab_member WHERE lab_id = @lab AND principal_id = @principal");
        command.Parameters.AddWithValue("lab", labId);
        command.Parameters.AddWithValue("principal", principalId);
        return await command.ExecuteScalarAsync() is short role ? (LabRole)role : LabRole.None;
    }

    public async Task<IReadOnlySet<string>> LabsOfAsync(string principalId)
    {
        await using var command = database.CreateCommand("SELECT lab_id FROM lab_member WHERE principal_id = @principal");
        command.Parameters.AddWithValue("principal", principalId);
        var labs = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            labs.Add(reader.GetString(0));
        return labs;
    }

    public async Task<IReadOnlyList<LabMember>> ListMembersAsync(string labId)
    {
        await using var command = database.CreateCommand(
            "SELECT principal_id, role, added_at, added_by FROM lab_member WHERE lab_id = @lab ORDER BY role DESC, principal_id");
        command.Parameters.AddWithValue("lab", labId);
        var members = new List<LabMember>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            members.Add(new LabMember(reader.GetString(0), (LabRole)reader.GetInt16(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
        return members;
    }

    public async Task SetMemberAsync(string labId, string principalId, LabRole role, string by)
    {
        // Demoting the last principal investigator would leave nobody able to manage the lab.
        await using var command = database.CreateCommand("""
            INSERT INTO lab_member (lab_id, principal_id, role, added_by)
            SELECT @lab, @principal, @role, @by
             WHERE @role = 3
                OR EXISTS (SELECT 1 FROM lab_member WHERE lab_id = @lab AND role = 3 AND principal_id <> @principal)
                OR NOT EXISTS (SELECT 1 FROM lab_member WHERE lab_id = @lab AND principal_id = @principal AND role = 3)
            ON CONFLICT (lab_id, principal_id) DO UPDATE SET role = EXCLUDED.role
            """);
        command.Parameters.AddWithValue("lab", labId);
        command.Parameters.AddWithValue("principal", principalId);
        command.Parameters.AddWithValue("role", (short)role);
        command.Parameters.AddWithValue("by", by);
        if (await command.ExecuteNonQueryAsync() == 0)
            throw new PlatformConflictException($"{principalId} is the last principal investigator of lab '{labId}'; make someone else principal investigator first.");
    }

    public async Task RemoveMemberAsync(string labId, string principalId)
    {
        await using var command = database.CreateCommand("""
            DELETE FROM lab_member
             WHERE lab_id = @lab AND principal_id = @principal
               AND (role <> 3 OR EXISTS (SELECT 1 FROM lab_member WHERE lab_id = @lab AND role = 3 AND principal_id <> @principal))
            """);
        command.Parameters.AddWithValue("lab", labId);
        command.Parameters.AddWithValue("principal", principalId);
        if (await command.ExecuteNonQueryAsync() == 1)
            return;
        throw await GetRoleAsync(labId, principalId) == LabRole.None
            ? new PlatformNotFoundException($"{principalId} is not a member of lab '{labId}'.")
            : new PlatformConflictException($"{principalId} is the last principal investigator of lab '{labId}'; make someone else principal investigator first.");
    }

    public async Task<CreatedApiKey> CreateApiKeyAsync(string labId, string name, LabRole role, string by)
    {
        var (keyId, secret, fullKey) = ApiKeyFormat.New();
        await using var command = database.CreateCommand("""
            INSERT INTO lab_api_key (key_id, lab_id, name, role, secret_hash, created_by)
            VALUES (@key, @lab, @name, @role, @hash, @by)
            RETURNING created_at
            """);
        command.Parameters.AddWithValue("key", keyId);
        command.Parameters.AddWithValue("lab", labId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("role", (short)role);
        command.Parameters.AddWithValue("hash", ApiKeyFormat.Hash(secret));
        command.Parameters.AddWithValue("by", by);
        var createdAt = (DateTime)(await command.ExecuteScalarAsync())!;
        return new CreatedApiKey(new ApiKeySummary(keyId, name, role, new DateTimeOffset(createdAt, TimeSpan.Zero), by, null), fullKey);
    }

    public async Task<IReadOnlyList<ApiKeySummary>> ListApiKeysAsync(string labId)
    {
        await using var command = database.CreateCommand(
            "SELECT key_id, name, role, created_at, created_by, revoked_at FROM lab_api_key WHERE lab_id = @lab ORDER BY created_at, key_id");
        command.Parameters.AddWithValue("lab", labId);
        var keys = new List<ApiKeySummary>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(new ApiKeySummary(reader.GetString(0), reader.GetString(1), (LabRole)reader.GetInt16(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return keys;
    }

    public async Task RevokeApiKeyAsync(string labId, string keyId, string by)
    {
        await using var command = database.CreateCommand(
            "UPDATE lab_api_key SET revoked_at = COALESCE(revoked_at, now()), revoked_by = COALESCE(revoked_by, @by) WHERE lab_id = @lab AND key_id = @key");
        command.Parameters.AddWithValue("lab", labId);
        command.Parameters.AddWithValue("key", keyId);
        command.Parameters.AddWithValue("by", by);
        if (await command.ExecuteNonQueryAsync() == 0)
            throw new PlatformNotFoundException($"Lab '{labId}' has no service key '{keyId}'.");
    }

    /// <summary>The lab and role of an unrevoked key whose secret matches; null otherwise.</summary>
    public async Task<(string LabId, LabRole Role)?> VerifyApiKeyAsync(string keyId, string secret)
    {
        await using var command = database.CreateCommand("SELECT lab_id, role, secret_hash FROM lab_api_key WHERE key_id = @key AND revoked_at IS NULL");
        command.Parameters.AddWithValue("key", keyId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            return null;
        var stored = reader.GetFieldValue<byte[]>(2);
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(stored, ApiKeyFormat.Hash(secret))
            ? (reader.GetString(0), (LabRole)reader.GetInt16(1))
            : null;
    }
}
