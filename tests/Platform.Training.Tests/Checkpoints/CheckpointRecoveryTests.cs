using Platform.Training.Checkpoints;
using Platform.Training.Tests.Support;
using Platform.Training.Trainer;

namespace Platform.Training.Tests.Checkpoints;

/// <summary>
/// <see cref="CheckpointStore.RecoverLast"/>: nnU-Net's order for a run that goes on (latest, else best, else a new
/// training), keeping the broken file for people to look at.
/// </summary>
public sealed class CheckpointRecoveryTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_truncated_last_is_kept_aside_and_replaced_by_the_best_checkpoint()
    {
        var store = new CheckpointStore(folder.Path);
        CheckpointStates.Write(store.BestPath, new TrainingPosition(2, 0, 6));
        CheckpointStates.Write(store.LastPath, new TrainingPosition(3, 0, 9));
        var broken = File.ReadAllBytes(store.LastPath)[..500];
        File.WriteAllBytes(store.LastPath, broken);

        var recovery = store.RecoverLast();

        Assert.NotNull(recovery);
        Assert.Equal((2, 2), (recovery.BestEpoch, recovery.FirstEpoch));
        Assert.Equal(broken, File.ReadAllBytes(recovery.KeptAt));
        Assert.Equal(store.LastPath + ".unreadable", recovery.KeptAt);
        Assert.Equal(File.ReadAllBytes(store.BestPath), File.ReadAllBytes(store.LastPath));
        Assert.Equal(new TrainingPosition(2, 0, 6), CheckpointFile.ReadState(store.LastPath).Position);
        Assert.StartsWith($"Checkpoint '{store.LastPath}' is unreadable: ", recovery.Describe(), StringComparison.Ordinal);
        Assert.EndsWith("the run goes on from the best checkpoint, epoch 2.", recovery.Describe(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
        Assert.Null(store.RecoverLast());
    }

    [Fact]
    public void A_broken_last_without_a_readable_best_is_removed_so_the_fold_starts_from_epoch_0()
    {
        var store = new CheckpointStore(folder.Path);
        CheckpointStates.Write(store.LastPath, new TrainingPosition(3, 0, 9));
        CheckpointStates.Write(store.BestPath, new TrainingPosition(2, 0, 6));
        var last = File.ReadAllBytes(store.LastPath);
        last[^10] ^= 0xFF;
        File.WriteAllBytes(store.LastPath, last);
        File.WriteAllBytes(store.BestPath, File.ReadAllBytes(store.BestPath)[..100]);

        var recovery = store.RecoverLast();

        Assert.NotNull(recovery);
        Assert.Equal((null, 0), (recovery.BestEpoch, recovery.FirstEpoch));
        Assert.Contains("SHA-256", recovery.Reason, StringComparison.Ordinal);
        Assert.EndsWith("with no readable best checkpoint the fold starts again from epoch 0.", recovery.Describe(), StringComparison.Ordinal);
        Assert.False(store.HasLast);
        Assert.Equal(last, File.ReadAllBytes(recovery.KeptAt));
    }

    [Fact]
    public void A_readable_last_is_left_as_it_is()
    {
        var store = new CheckpointStore(folder.Path);
        CheckpointStates.Write(store.LastPath, new TrainingPosition(1, 0, 3));
        var before = File.ReadAllBytes(store.LastPath);

        Assert.Null(store.RecoverLast());
        Assert.Equal(before, File.ReadAllBytes(store.LastPath));
        Assert.Single(Directory.GetFiles(folder.Path));
    }
}
