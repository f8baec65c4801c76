namespace Platform.Grains.Preprocessing;

/// <summary>Platform:Preprocessing settings: how many preprocessing jobs a silo takes, and how much of it one may use.</summary>
public sealed class PreprocessingOptions
{
    public const string Section = "Platform:Preprocessing";

    /// <summary>
    /// Preprocessing jobs this silo runs at once (its preprocessing slots); 0: it never preprocesses. Only a silo with
    /// a data root and a work root advertises any.
    /// </summary>
    public int Slots { get; set; } = 1;

    /// <summary>Cases preprocessed at once by one job.</summary>
    public int MaxParallelism { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Memory the cases in flight of one job may need together (a larger case runs alone).</summary>
    public long MemoryBudgetBytes { get; set; } = 8L << 30;
}
