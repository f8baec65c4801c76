namespace Platform.Grains.Preprocessing;

/// <summary>Platform:Preprocessing settings: how much of a silo one preprocessing job may use.</summary>
public sealed class PreprocessingOptions
{
    public const string Section = "Platform:Preprocessing";

    /// <summary>Cases preprocessed at once by one job.</summary>
    public int MaxParallelism { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Memory the cases in flight of one job may need together (a larger case runs alone).</summary>
    public long MemoryBudgetBytes { get; set; } = 8L << 30;
}
