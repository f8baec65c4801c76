using System.Data;
using Npgsql;

namespace Platform.Schema.Tests.Infrastructure;

/// <summary>
/// Runs a query text from OrleansQuery the way the providers do: one autocommit command, parameters named
/// without '@' and typed by DbType (text, integer, bigint, bytea, timestamptz). Used where the provider
/// that sends the query is internal or does not expose the return value.
/// </summary>
public static class StoredQuery
{
    public static NpgsqlParameter Text(string name, string? value) => Typed(name, DbType.String, value);
    public static NpgsqlParameter Int(string name, int? value) => Typed(name, DbType.Int32, value);
    public static NpgsqlParameter Long(string name, long? value) => Typed(name, DbType.Int64, value);
    public static NpgsqlParameter Bytes(string name, byte[]? value) => Typed(name, DbType.Binary, value);
    public static NpgsqlParameter Time(string name, DateTime? utc) => Typed(name, DbType.DateTime, utc);

    public static async Task<List<object?[]>> RunAsync(string connectionString, string queryKey, params NpgsqlParameter[] parameters)
    {
        await using var connection = await Sql.OpenAsync(connectionString);
        string text;
        await using (var lookup = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", connection))
        {
            lookup.Parameters.AddWithValue("key", queryKey);
            text = await lookup.ExecuteScalarAsync() as string ?? throw new InvalidOperationException($"No query {queryKey}.");
        }

        await using var command = new NpgsqlCommand(text, connection);
        command.Parameters.AddRange(parameters);
        return await Sql.ReadRowsAsync(command);
    }

    private static NpgsqlParameter Typed(string name, DbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };
}
