using Npgsql;

namespace Platform.Catalog.Benchmarks;

/// <summary>How big the case catalog is in PostgreSQL after registration: rows and bytes (table, TOAST and indexes).</summary>
public static class CatalogTable
{
    public static async Task<(long Rows, long TotalBytes, long IndexBytes)> SizeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM datasource_case),
                   pg_total_relation_size('datasource_case'),
                   pg_indexes_size('datasource_case')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
