namespace Platform.Grains.Datasources;

/// <summary>
/// Platform:Storage settings: where the file store is. Datasource folders are given relative to <see cref="DataRoot"/>
/// (what users bring, read only); what the platform derives (preprocessed data, checkpoints, predictions) goes under
/// <see cref="WorkRoot"/>, kept apart so no one can register the platform's own output as a datasource.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Platform:Storage";

    public string? DataRoot { get; set; }

    public string? WorkRoot { get; set; }

    /// <summary>Memory the case scans of one silo may hold at once (voxel data in flight).</summary>
    public long ScanMemoryBudgetBytes { get; set; } = 2L << 30;

    public string RequireDataRoot() => string.IsNullOrWhiteSpace(DataRoot)
        ? throw new InvalidOperationException($"{Section}:DataRoot is not set: datasources are folders under the platform's data root.")
        : DataRoot;

    public string RequireWorkRoot() => string.IsNullOrWhiteSpace(WorkRoot)
        ? throw new InvalidOperationException($"{Section}:WorkRoot is not set: preprocessed data, checkpoints and predictions are written under it.")
        : WorkRoot;
}
