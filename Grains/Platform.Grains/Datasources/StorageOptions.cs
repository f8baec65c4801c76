namespace Platform.Grains.Datasources;

/// <summary>Platform:Storage settings: where the file store is. Datasource folders are given relative to <see cref="DataRoot"/>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Platform:Storage";

    public string? DataRoot { get; set; }

    /// <summary>Memory the case scans of one silo may hold at once (voxel data in flight).</summary>
    public long ScanMemoryBudgetBytes { get; set; } = 2L << 30;

    public string RequireDataRoot() => string.IsNullOrWhiteSpace(DataRoot)
        ? throw new InvalidOperationException($"{Section}:DataRoot is not set: datasources are folders under the platform's data root.")
        : DataRoot;
}
