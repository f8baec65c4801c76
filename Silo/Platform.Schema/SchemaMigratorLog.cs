using Microsoft.Extensions.Logging;

namespace Platform.Schema;

/// <summary>The migrator's log messages (source-generated, so no formatting cost when the level is off).</summary>
internal static partial class SchemaMigratorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied migration {Migration} in {ElapsedMilliseconds} ms.")]
    public static partial void Applied(ILogger logger, string migration, long elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Database schema is up to date ({Count} migrations applied earlier).")]
    public static partial void UpToDate(ILogger logger, int count);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Another process is applying migrations to this database; waiting for it to finish.")]
    public static partial void WaitingForLock(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The database records migration {Migration}, which this build does not ship (a newer build applied it?); leaving it alone.")]
    public static partial void UnknownMigration(ILogger logger, string migration);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Migration {Migration} was applied by another process while this one waited.")]
    public static partial void AppliedElsewhere(ILogger logger, string migration);
}
