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

    /// <summary>
    /// Makes <c>last</c> something a run can resume from, choosing as nnU-Net's <c>--c</c> does (latest, else best, else a
    /// new training with a warning): a readable <c>last</c> stays; one that cannot be read (truncated, altered) is copied
    /// aside as <c>checkpoint_last.ckpt.unreadable</c> for a person to inspect, then replaced by the <c>best</c> checkpoint
    /// when that one reads (both carry the optimiser and random state, so the run continues as if paused at the best
    /// epoch), or removed so the fold starts from epoch 0. A broken <c>last</c> must not end a run that has something
    /// else good; the choice is returned so the caller tells people (null when <c>last</c> was fine or absent).
    /// Every step is a copy or a rename: interrupted, the next call finds the broken <c>last</c> again and chooses the same.
    /// </summary>
    public CheckpointRecovery? RecoverLast()
    {
        if (!HasLast)
            return null;
        CheckpointCorruptException broken;
        try
        {
            CheckpointFile.ReadState(LastPath);
            return null;
        }
        catch (CheckpointCorruptException e)
        {
            broken = e;
        }

        var keptAt = LastPath + ".unreadable";
        File.Copy(LastPath, keptAt, overwrite: true);
        int? bestEpoch = null;
        try
        {
            if (File.Exists(BestPath))
                bestEpoch = CheckpointFile.ReadState(BestPath).Position.Epoch;
        }
        catch (CheckpointCorruptException)
        {
            // Neither is readable: start over, as nnU-Net does without a checkpoint.
        }

        if (bestEpoch is not null)
        {
            var temporary = Path.Combine(Folder, $".{LastFileName}.{Guid.NewGuid():N}.tmp");
            File.Copy(BestPath, temporary);
            File.Move(temporary, LastPath, overwrite: true);
        }
        else
        {
            File.Delete(LastPath);
        }
        return new CheckpointRecovery(broken.Message, keptAt, bestEpoch);
    }

    /// <summary>Loads the last checkpoint into the network and optimiser and restores the random state.</summary>
    public CheckpointState ReadLast(UNet network, TrainingOptimizer optimizer) =>
        CheckpointFile.Read(LastPath, network, optimizer);
}
