using System.Text;

namespace Platform.Schema.Tests.Infrastructure;

/// <summary>
/// A text picture of everything the migrations define in the public schema: columns, indexes, constraints,
/// functions, the query catalogue and the migration history. Two equal dumps mean the same schema.
/// </summary>
public static class SchemaDump
{
    private static readonly (string Title, string Sql)[] Sections =
    [
        ("columns", """
            SELECT table_name, column_name, ordinal_position, data_type, is_nullable, coalesce(column_default, ''), is_identity
              FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position
            """),
        ("indexes", "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY tablename, indexname"),
        ("constraints", """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
              FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2
            """),
        ("functions", """
            SELECT proname, pg_get_function_identity_arguments(oid), pg_get_functiondef(oid)
              FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1, 2
            """),
        ("queries", "SELECT QueryKey, QueryText FROM OrleansQuery ORDER BY QueryKey"),
        ("migrations", "SELECT name, checksum, applied_at FROM schema_migrations ORDER BY name"),
    ];

    public static async Task<string> TakeAsync(string connectionString)
    {
        var dump = new StringBuilder();
        foreach (var (title, sql) in Sections)
        {
            dump.Append("## ").AppendLine(title);
            foreach (var row in await Sql.RowsAsync(connectionString, sql))
                dump.AppendJoin(" | ", row.Select(v => v?.ToString() ?? "NULL")).AppendLine();
        }

        return dump.ToString();
    }
}
