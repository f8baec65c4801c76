namespace Platform.Grains.Storage;

/// <summary>Names of the grain storage providers the silo must configure.</summary>
public static class StorageNames
{
    /// <summary>The platform's durable grain state (ADO.NET on PostgreSQL in real runs).</summary>
    public const string Platform = "platform";
}
