namespace Platform.Grains.Engine;

/// <summary>
/// Platform:Engine settings: how a training silo runs the TorchSharp engine. Nothing here changes a score: how a
/// model predicts (mirroring, step, Gaussian) is its plan's inference section, the same on every silo and in every
/// model package.
/// </summary>
public sealed class EngineOptions
{
    public const string Section = "Platform:Engine";

    /// <summary>libtorch threads per training (null: libtorch's default, all cores).</summary>
    public int? Threads { get; set; }

    /// <summary>Threads preparing batches beside the training.</summary>
    public int LoaderWorkers { get; set; } = 2;

    /// <summary>A checkpoint at least this often (minutes) besides every N epochs: the most work a lost machine costs.</summary>
    public double CheckpointIntervalMinutes { get; set; } = 15;
}
