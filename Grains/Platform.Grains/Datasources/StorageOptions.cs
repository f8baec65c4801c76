using Platform.Datasources.Paths;

namespace Platform.Grains.Datasources;

/// <summary>
/// Platform:Storage settings: where the file store is. Each lab reads only its own folder of <see cref="DataRoot"/>,
/// <c>{DataRoot}/{labId}</c> (what users bring, read only; resolved by <see cref="LabData"/>); what the platform derives
/// (preprocessed data, checkpoints, predictions) goes under <see cref="WorkRoot"/> in folders keyed by the grain's lab,
/// kept apart so no one can register the platform's own output as a datasource.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Platform:Storage";

    public string? DataRoot { get; set; }

    public string? WorkRoot { get; set; }

    /// <summary>Memory the case scans of one silo may hold at once (voxel data in flight).</summary>
    public long ScanMemoryBudgetBytes { get; set; } = 2L << 30;

    /// <summary>
    /// The data root as labs see it: only through <see cref="LabDataRoot"/>, which resolves a lab-relative folder
    /// inside that lab's own folder or refuses it. There is deliberately no accessor for the bare root.
    /// </summary>
    public LabDataRoot LabData() => new(DataRoot);

    public string RequireWorkRoot() => string.IsNullOrWhiteSpace(WorkRoot)
        ? throw new InvalidOperationException($"{Section}:WorkRoot is not set: preprocessed data, checkpoints and predictions are written under it.")
        : WorkRoot;
}
