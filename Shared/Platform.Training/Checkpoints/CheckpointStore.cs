using Platform.Training.Networks;
using Platform.Training.Optimization;

namespace Platform.Training.Checkpoints;

/// <summary>The checkpoints of one run in one folder: <c>checkpoint_last.ckpt</c> (where to resume) and
/// <c>checkpoint_best.ckpt</c> (highest pseudo-Dice moving average).</summary>
public sealed class CheckpointStore
{
    public const string LastFileName = "checkpoint_last.ckpt";
    public const string BestFileName = "checkpoint_best.ckpt";

    private readonly Action<CheckpointState, string>? lastWritten;

    /// <param name="folder">Where the checkpoints live (created if missing).</param>
    /// <param name="lastWritten">Told after each <c>last</c> checkpoint is complete on disk (state, path): a cluster
    /// records it so a run lost with its machine resumes from there.</param>
    public CheckpointStore(string folder, Action<CheckpointState, string>? lastWritten = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
        this.lastWritten = lastWritten;
    }

    public string Folder { get; }

    public string LastPath => Path.Combine(Folder, LastFileName);

    public string BestPath => Path.Combine(Folder, BestFileName);

    public bool HasLast => File.Exists(LastPath);

    public void WriteLast(CheckpointState state, UNet network, TrainingOptimizer optimizer)
    {
        CheckpointFile.Write(LastPath, state, network, optimizer);
        lastWritten?.Invoke(state, LastPath);
    }

    public void WriteBest(CheckpointState state, UNet network, TrainingOptimizer optimizer) =>
        CheckpointFile.Write(BestPath, state, network, optimizer);

    /// <summary>Loads the last checkpoint into the network and optimiser and restores the random state.</summary>
    public CheckpointState ReadLast(UNet network, TrainingOptimizer optimizer) =>
        CheckpointFile.Read(LastPath, network, optimizer);
}
