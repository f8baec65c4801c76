namespace Platform.Schema;

/// <summary>
/// A migration that the database records as applied has a different text now: someone edited a shipped
/// migration. The database was built from the old text, so the new one would never run there; the fix is a new migration.
/// </summary>
public sealed class MigrationChecksumMismatchException : InvalidOperationException
{
    public MigrationChecksumMismatchException(string migration, string appliedChecksum, string currentChecksum)
        : base($"Migration '{migration}' was applied with checksum {appliedChecksum}, but the shipped script now has checksum {currentChecksum}. " +
               "Applied migrations must never be edited; revert the edit and put the change in a new migration.")
    {
        Migration = migration;
        AppliedChecksum = appliedChecksum;
        CurrentChecksum = currentChecksum;
    }

    public string Migration { get; }
    public string AppliedChecksum { get; }
    public string CurrentChecksum { get; }
}
