namespace Platform.Training.Checkpoints;

/// <summary>A checkpoint file that cannot be read: truncated, altered, or not a checkpoint. Never a reason to start
/// a run over silently.</summary>
public sealed class CheckpointCorruptException : IOException
{
    public CheckpointCorruptException(string path, string reason, Exception? inner = null)
        : base($"Checkpoint '{path}' is unreadable: {reason}", inner)
    {
        Path = path;
    }

    public string Path { get; }
}
