namespace Platform.Grains.Engine;

/// <summary>Platform:Engine settings: how a training silo runs the TorchSharp engine.</summary>
public sealed class EngineOptions
{
    public const string Section = "Platform:Engine";

    /// <summary>libtorch threads per training (null: libtorch's default, all cores).</summary>
    public int? Threads { get; set; }

    /// <summary>Threads preparing batches beside the training.</summary>
    public int LoaderWorkers { get; set; } = 2;

    /// <summary>A checkpoint at least this often (minutes) besides every N epochs: the most work a lost machine costs.</summary>
    public double CheckpointIntervalMinutes { get; set; } = 15;

    /// <summary>Test-time mirroring in the final validation (8× the inference in 3D, as nnU-Net does by default).</summary>
    public bool MirrorAtValidation { get; set; } = true;
}
